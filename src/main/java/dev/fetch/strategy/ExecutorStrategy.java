package dev.fetch.strategy;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.Downloader;
import dev.fetch.download.ErrorKind;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs downloads as tasks of an {@link ExecutorService} and takes their results in completion
 * order through an {@link ExecutorCompletionService}.
 *
 * <p>At most a window of tasks is submitted ahead of the results taken, so memory stays flat
 * however long the list is. The window is twice the worker count, enough to keep every worker
 * busy; with one worker it is one, so a sequential run reports strictly in input order (an invalid
 * line's result included).
 * The executor is made fresh for each run by the factory and shut down when the run ends.
 */
public final class ExecutorStrategy implements DownloadStrategy {
  private static final long SHUTDOWN_GRACE_SECONDS = 5;

  private final int workers;
  private final Supplier<ExecutorService> executorFactory;

  /**
   * @param workers how many tasks the executor runs at once
   * @param executorFactory makes the executor for one run; the strategy owns and shuts it down
   */
  public ExecutorStrategy(int workers, Supplier<ExecutorService> executorFactory) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers < 1: " + workers);
    }
    this.workers = workers;
    this.executorFactory = executorFactory;
  }

  @Override
  public int workers() {
    return workers;
  }

  @Override
  public void run(Iterator<DownloadRequest> requests, Downloader downloader, ResultSink sink)
      throws InterruptedException {
    ExecutorService executor = executorFactory.get();
    boolean interrupted = true;
    try {
      CompletionService<DownloadResult> completion = new ExecutorCompletionService<>(executor);
      int window = workers == 1 ? 1 : workers * 2;
      int inFlight = 0;
      while (true) {
        while (inFlight < window && requests.hasNext()) {
          DownloadRequest request = requests.next();
          completion.submit(() -> downloadSafely(downloader, request));
          inFlight++;
        }
        if (inFlight == 0) {
          break;
        }
        Future<DownloadResult> done = completion.take();
        inFlight--;
        sink.accept(resultOf(done));
      }
      interrupted = false;
    } finally {
      if (interrupted) {
        executor.shutdownNow();
      } else {
        executor.shutdown();
      }
      executor.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** Runs one download; a bug in the downloader becomes that URL's failure, not a lost URL. */
  static DownloadResult downloadSafely(Downloader downloader, DownloadRequest request) {
    try {
      return downloader.download(request);
    } catch (RuntimeException | Error e) {
      return new DownloadResult.Failure(request.index(), request.displayUrl(), null, 0,
          Duration.ZERO, 1, Thread.currentThread().getName(), ErrorKind.IO,
          "internal error: " + e, null);
    }
  }

  private static DownloadResult resultOf(Future<DownloadResult> done)
      throws InterruptedException {
    try {
      return done.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("download task failed outside its guard", e.getCause());
    }
  }
}
