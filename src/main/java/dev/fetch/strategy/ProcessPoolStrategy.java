package dev.fetch.strategy;

import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Downloader;
import dev.fetch.download.PerHostLimiter;
import dev.fetch.time.Ticker;
import dev.fetch.input.UrlEntry;
import dev.fetch.worker.WorkerJvm;
import dev.fetch.worker.WorkerPool;
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
 * in every other mode. The {@link Downloader} given to {@link #run} is not used: workers build
 * their own from the run's {@link DownloadSettings}. The workers live for one run. A
 * {@code --per-host} limit is kept in the parent, across all workers.
 */
final class ProcessPoolStrategy implements DownloadStrategy {
  private final int workers;
  private final DownloadSettings settings;
  private final Supplier<ExecutorService> executorFactory;
  private final Supplier<WorkerJvm> jvm;
  private volatile long crashes;

  /**
   * @param executorFactory makes the pool of {@code workers} threads for one run
   * @param jvm how workers are started
   */
  ProcessPoolStrategy(int workers, DownloadSettings settings,
      Supplier<ExecutorService> executorFactory, Supplier<WorkerJvm> jvm) {
    this.workers = workers;
    this.settings = settings;
    this.executorFactory = executorFactory;
    this.jvm = jvm;
  }

  @Override
  public void run(Iterator<UrlEntry> entries, Downloader unused, ResultSink sink)
      throws InterruptedException {
    // The workers' stderr joins this process's, where fetch's own log goes.
    WorkerPool pool = new WorkerPool(jvm.get(), settings, Ticker.system(),
        line -> System.err.println(line));
    // --per-host is enforced here, in the parent, so it holds across every worker.
    int perHost = settings.http().perHost();
    Downloader limited = perHost > 0 ? new PerHostLimiter(pool, perHost) : pool;
    try {
      new ExecutorStrategy(workers, executorFactory).run(entries, limited, sink);
    } finally {
      pool.close();
      crashes = pool.crashes();
    }
  }

  @Override
  public int workers() {
    return workers;
  }

  @Override
  public long workerCrashes() {
    return crashes;
  }
}
