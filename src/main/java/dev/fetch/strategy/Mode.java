package dev.fetch.strategy;

import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Downloaders;
import dev.fetch.log.Diagnostics;
import dev.fetch.worker.WorkerJvm;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * Every concurrency strategy fetch offers: the one place that lists them. Each constant builds its
 * strategy; tests and benchmarks iterate the constants.
 */
public enum Mode {
  /** One download at a time, in input order: the tutorial's first version. */
  SEQUENTIAL {
    @Override
    public DownloadStrategy strategy(DownloadSettings settings, Downloaders downloaders) {
      return new ExecutorStrategy(1, () -> Executors.newSingleThreadExecutor(new WorkerThreads()),
          downloaders.inProcess());
    }

    @Override
    public int defaultWorkers() {
      return 1;
    }

    @Override
    public boolean usesWorkers() {
      return false;
    }
  },

  /** A fixed pool of {@code workers} platform threads: the tutorial's ThreadPoolExecutor. */
  THREADS {
    @Override
    public DownloadStrategy strategy(DownloadSettings settings, Downloaders downloaders) {
      int workers = settings.workers();
      return new ExecutorStrategy(workers,
          () -> Executors.newFixedThreadPool(workers, new WorkerThreads()),
          downloaders.inProcess());
    }
  },

  /**
   * A self-healing pool of {@code workers} child JVMs: the tutorial's ProcessPoolExecutor. A
   * worker that dies is replaced and only its URL is tried again.
   */
  PROCESSES {
    @Override
    public DownloadStrategy strategy(DownloadSettings settings, Downloaders downloaders) {
      return new ProcessPoolStrategy(settings, downloaders,
          () -> Executors.newFixedThreadPool(settings.workers(), new WorkerThreads()),
          WorkerJvm::current);
    }

    /** Starts the worker JVMs while the run reads its list ({@link ProcessPoolStrategy}). */
    @Override
    public EarlyStart startEarly(DownloadSettings settings, Diagnostics log, boolean progress) {
      return ProcessPoolStrategy.startEarly(settings, WorkerJvm.current(), log, progress);
    }

    /** Python's ProcessPoolExecutor default: one worker per core. */
    @Override
    public int defaultWorkers() {
      return Runtime.getRuntime().availableProcessors();
    }
  },

  /**
   * A virtual thread per URL, at most {@code workers} at once: cheap blocking, Java 21 and newer.
   */
  VIRTUAL {
    @Override
    public DownloadStrategy strategy(DownloadSettings settings, Downloaders downloaders) {
      String reason = unavailableReason();
      if (reason != null) {
        throw new ModeUnavailableException(reason);
      }
      return new ExecutorStrategy(settings.workers(), VirtualThreads::newExecutor,
          downloaders.inProcess());
    }

    @Override
    public int defaultWorkers() {
      return 256;
    }

    @Override
    public String unavailableReason() {
      return VirtualThreads.unavailableReason();
    }
  },

  /**
   * OkHttp's asynchronous calls: each download a callback that completes a future (Python's
   * {@code add_done_callback}), at most {@code workers} at once by OkHttp's dispatcher.
   */
  ASYNC {
    @Override
    public DownloadStrategy strategy(DownloadSettings settings, Downloaders downloaders) {
      return new AsyncStrategy(settings.workers(), downloaders.inProcess());
    }

    @Override
    public int defaultWorkers() {
      return 256;
    }
  };

  /**
   * Builds the strategy for a run with {@code settings} ({@code settings.workers()} downloads at
   * once; {@link #SEQUENTIAL} always runs one). In-process strategies take their downloader from
   * {@code downloaders}; worker processes build the same stack from {@code settings}.
   *
   * @throws ModeUnavailableException if the mode cannot run on this runtime
   */
  public abstract DownloadStrategy strategy(DownloadSettings settings, Downloaders downloaders);

  /**
   * The worker count a run of this mode has when the user asks for {@code requested} (null: not
   * given): the mode's default, or 1 for a mode that does not use workers.
   */
  public int workers(Integer requested) {
    if (!usesWorkers()) {
      return 1;
    }
    return requested != null ? requested : defaultWorkers();
  }

  /**
   * Starts, for a run with {@code settings}, what takes long to start and does not depend on the
   * run's list (worker JVMs), so it overlaps the reading of the list: called before the list is
   * opened, closed when the run ends. Starts nothing by default. Never throws for a start that
   * fails: the strategy then starts what it needs as it would have anyway.
   *
   * @param log the run's diagnostics
   * @param progress whether the run reports bodies' progress
   */
  public EarlyStart startEarly(DownloadSettings settings, Diagnostics log, boolean progress) {
    return EarlyStart.NONE;
  }

  /** Python's ThreadPoolExecutor default: {@code min(32, cores + 4)}. */
  public int defaultWorkers() {
    return Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
  }

  /** Why this mode cannot run on this runtime, or null when it can. */
  public String unavailableReason() {
    return null;
  }

  /** Whether {@code --workers} means anything to this mode. */
  public boolean usesWorkers() {
    return true;
  }

  /** The name users type, e.g. {@code threads}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
