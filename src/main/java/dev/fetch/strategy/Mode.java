package dev.fetch.strategy;

import dev.fetch.download.DownloadSettings;
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
    public DownloadStrategy strategy(int workers, DownloadSettings settings) {
      return new ExecutorStrategy(1, () -> Executors.newSingleThreadExecutor(new WorkerThreads()));
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
    public DownloadStrategy strategy(int workers, DownloadSettings settings) {
      return new ExecutorStrategy(workers,
          () -> Executors.newFixedThreadPool(workers, new WorkerThreads()));
    }
  },

  /**
   * A self-healing pool of {@code workers} child JVMs: the tutorial's ProcessPoolExecutor. A
   * worker that dies is replaced and only its URL is tried again.
   */
  PROCESSES {
    @Override
    public DownloadStrategy strategy(int workers, DownloadSettings settings) {
      return new ProcessPoolStrategy(workers, settings,
          () -> Executors.newFixedThreadPool(workers, new WorkerThreads()), WorkerJvm::current);
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
    public DownloadStrategy strategy(int workers, DownloadSettings settings) {
      String reason = unavailableReason();
      if (reason != null) {
        throw new ModeUnavailableException(reason);
      }
      return new ExecutorStrategy(workers, VirtualThreads::newExecutor);
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
    public DownloadStrategy strategy(int workers, DownloadSettings settings) {
      return new AsyncStrategy(workers);
    }

    @Override
    public int defaultWorkers() {
      return 256;
    }
  };

  /**
   * Builds the strategy for a run with {@code workers} concurrent downloads. In-process strategies
   * use the downloader they are given; others (worker processes) build theirs from
   * {@code settings}.
   *
   * @throws ModeUnavailableException if the mode cannot run on this runtime
   */
  public abstract DownloadStrategy strategy(int workers, DownloadSettings settings);

  /** The strategy with default download settings: for tests and embedding. */
  public DownloadStrategy strategy(int workers) {
    return strategy(workers, DownloadSettings.defaults(workers));
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
