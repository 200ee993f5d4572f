package dev.fetch.strategy;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.Downloader;
import dev.fetch.download.ErrorKind;
import dev.fetch.input.UrlEntry;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs each download as a blocking task of an {@link ExecutorService} — a single thread, a fixed
 * pool, a virtual thread per task — at most {@code workers} at once whatever the executor, and
 * reports results in completion order through the {@link CompletionLoop}.
 *
 * <p>The window is twice the worker count, enough to keep every worker busy; with one worker it
 * is one, so a sequential run reports strictly in input order. The executor is made fresh for
 * each run by the factory and shut down when the run ends.
 */
public final class ExecutorStrategy implements DownloadStrategy {
  /** How long an interrupted run waits for its workers to notice before it reports. */
  private static final long INTERRUPT_GRACE_MILLIS = 1_000;

  private final int workers;
  private final Supplier<ExecutorService> executorFactory;
  private final Downloader downloader;

  /**
   * @param workers how many downloads run at once
   * @param executorFactory makes the executor for one run; the strategy owns and shuts it down
   * @param downloader runs each download, blocking; shared by every task
   */
  public ExecutorStrategy(int workers, Supplier<ExecutorService> executorFactory,
      Downloader downloader) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers < 1: " + workers);
    }
    this.workers = workers;
    this.executorFactory = executorFactory;
    this.downloader = downloader;
  }

  @Override
  public int workers() {
    return workers;
  }

  @Override
  public void run(Iterator<UrlEntry> entries, Order order, ResultSink sink)
      throws InterruptedException {
    ExecutorService executor = executorFactory.get();
    Semaphore running = new Semaphore(workers);
    Launcher launcher = new Launcher() {
      @Override
      public void start(DownloadRequest request, Consumer<DownloadResult> done) {
        executor.execute(() -> done.accept(downloadBounded(downloader, request, running)));
      }

      @Override
      public void stop(boolean abandon) throws InterruptedException {
        if (!abandon) {
          executor.shutdown();
          return;
        }
        executor.shutdownNow();
        executor.awaitTermination(INTERRUPT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    };
    CompletionLoop.run(entries, launcher, workers == 1 ? 1 : workers * 2, order, sink);
  }

  /**
   * Runs one download once a place among the {@code workers} is free (an executor that starts a
   * thread per task has no bound of its own); a bug in the downloader becomes that URL's failure,
   * not a lost URL.
   */
  private static DownloadResult downloadBounded(Downloader downloader, DownloadRequest request,
      Semaphore running) {
    try {
      running.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return internalError(request, e);
    }
    try {
      return downloader.download(request);
    } catch (RuntimeException | Error e) {
      return internalError(request, e);
    } finally {
      running.release();
    }
  }

  static DownloadResult.Failure internalError(DownloadRequest request, Throwable e) {
    return new DownloadResult.Failure(request.index(), request.displayUrl(), null, 0,
        Duration.ZERO, 1, Thread.currentThread().getName(), ErrorKind.IO,
        "internal error: " + e, null);
  }
}
