package dev.fetch.strategy;

import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Downloader;
import dev.fetch.download.Downloaders;
import dev.fetch.input.UrlEntry;
import dev.fetch.log.Diagnostics;
import dev.fetch.worker.WorkerJvm;
import dev.fetch.worker.WorkerPool;
import dev.fetch.worker.WorkerSpares;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Runs downloads in a self-healing pool of worker JVMs: the tutorial's
 * {@code ProcessPoolExecutor}, without its {@code BrokenProcessPool}.
 *
 * <p>An {@link ExecutorStrategy} over a fixed pool of {@code workers} threads, each owning one
 * worker process (see {@link WorkerPool}); a task sends its URL to its thread's worker and blocks
 * for the result. So URLs are handed out as workers free up, and results are reported exactly as
 * in every other mode. Each worker receives the run's {@link DownloadSettings} whole and builds
 * the same stack as the parent's in-process modes; the parent's part of the stack (the
 * {@code --per-host} limit, across all workers, and the retries) comes from
 * {@link Downloaders#acrossWorkers}. The
 * workers live for one run; their standard error goes to the run's diagnostics. A run that ends
 * normally lets its workers exit (one may be writing the class-data archive); a run that is
 * interrupted kills them at once ({@link WorkerPool#abandon}), so its partial summary is never
 * held up by a stuck worker.
 */
final class ProcessPoolStrategy implements DownloadStrategy {
  /** The system property that turns {@link #startEarly} off when {@code false}. */
  static final String SPARES = "dev.fetch.worker.spares";

  private final DownloadSettings settings;
  private final Downloaders downloaders;
  private final Supplier<ExecutorService> executorFactory;
  private final Supplier<WorkerJvm> jvm;
  private volatile long crashes;

  /**
   * @param executorFactory makes the pool of {@code settings.workers()} threads for one run
   * @param jvm how workers are started
   */
  ProcessPoolStrategy(DownloadSettings settings, Downloaders downloaders,
      Supplier<ExecutorService> executorFactory, Supplier<WorkerJvm> jvm) {
    this.settings = settings;
    this.downloaders = downloaders;
    this.executorFactory = executorFactory;
    this.jvm = jvm;
  }

  /**
   * Starts the run's first worker JVMs as spares ({@link WorkerSpares}) before the run needs
   * them: as many as the run has workers, at most one per core (more would only slow each
   * other's start-up; the rest start when their thread takes its first URL, as always). A list
   * shorter than that leaves spares unused; the run's end kills them. The system property
   * {@value #SPARES} set to {@code false} turns this off.
   */
  static EarlyStart startEarly(DownloadSettings settings, WorkerJvm jvm, Diagnostics log,
      boolean progress) {
    if ("false".equals(System.getProperty(SPARES))) {
      return EarlyStart.NONE;
    }
    int count = Math.min(settings.workers(), Runtime.getRuntime().availableProcessors());
    return WorkerSpares.start(jvm, count, log.verbose(), progress, settings, log)::close;
  }

  @Override
  public void run(Iterator<UrlEntry> entries, Order order, ResultSink sink)
      throws InterruptedException {
    WorkerPool pool = new WorkerPool(jvm.get(), settings, downloaders.time().ticker(),
        downloaders.diagnostics(), downloaders.cookies(), downloaders.transfers());
    Downloader acrossWorkers = downloaders.acrossWorkers(pool);
    boolean completed = false;
    try {
      new ExecutorStrategy(settings.workers(), executorFactory, acrossWorkers)
          .run(entries, order, sink);
      completed = true;
    } finally {
      if (completed) {
        pool.close();
      } else {
        // Interrupted (or failed): the partial summary must not wait for a stuck worker.
        pool.abandon();
      }
      crashes = pool.crashes();
    }
  }

  @Override
  public int workers() {
    return settings.workers();
  }

  @Override
  public long workerCrashes() {
    return crashes;
  }
}
