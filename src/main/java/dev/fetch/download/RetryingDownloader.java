package dev.fetch.download;

import dev.fetch.log.Diagnostics;
import dev.fetch.time.Sleeper;
import dev.fetch.time.Time;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Downloader} decorator that retries failures its {@link RetryPolicy} calls retryable.
 *
 * <p>The result is the last attempt's, with {@code attempts} counting every request (the sum of
 * what each delegate result counts: a worker pool counts a crashed worker as an attempt) and
 * {@code elapsed} covering all of them and the waits between, counted from when the first attempt
 * really started: not the wait for a per-host place or a worker process's start-up before it. The blocking form waits with the
 * injected {@link Sleeper}; the asynchronous form schedules the next attempt with the injected
 * {@link dev.fetch.time.Scheduler} and holds no thread meanwhile. Both take their decision in one
 * place, {@link #retryDelay}. Thread-safe if the delegate is. An interrupt during a blocking wait
 * ends the retries and returns the last failure.
 */
public final class RetryingDownloader implements Downloader {
  private final Downloader delegate;
  private final RetryPolicy policy;
  private final Time time;
  private final Diagnostics log;

  public RetryingDownloader(Downloader delegate, RetryPolicy policy, Time time, Diagnostics log) {
    this.delegate = delegate;
    this.policy = policy;
    this.time = time;
    this.log = log;
  }

  @Override
  public DownloadResult download(DownloadRequest request) {
    long first = -1;
    int made = 0;
    for (int attempt = 1; ; attempt++) {
      DownloadResult result = delegate.download(request);
      if (first < 0) {
        first = time.ticker().read() - result.elapsed().toNanos();
      }
      made += result.attempts();
      Duration delay = retryDelay(request, attempt, result);
      if (delay == null) {
        return result.afterAttempts(made, since(first));
      }
      try {
        time.sleeper().sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return result.afterAttempts(made, since(first));
      }
    }
  }

  /**
   * The asynchronous form: each retry is scheduled after its wait instead of sleeping, so no thread
   * is held while waiting.
   */
  @Override
  public CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
    return attemptAsync(request, 1, 0, -1);
  }

  /**
   * @param madeBefore the requests the earlier attempts made
   * @param start when the first attempt really started (it may have waited in a queue first),
   *     or -1 before the first attempt has finished
   */
  private CompletableFuture<DownloadResult> attemptAsync(DownloadRequest request, int attempt,
      int madeBefore, long start) {
    return delegate.downloadAsync(request).thenCompose(result -> {
      long first = start >= 0 ? start : time.ticker().read() - result.elapsed().toNanos();
      int made = madeBefore + result.attempts();
      Duration delay = retryDelay(request, attempt, result);
      if (delay == null) {
        return CompletableFuture.completedFuture(result.afterAttempts(made, since(first)));
      }
      CompletableFuture<DownloadResult> next = new CompletableFuture<>();
      time.scheduler().schedule(delay, () -> {
        try {
          attemptAsync(request, attempt + 1, made, first).whenComplete((r, e) -> {
            if (e != null) {
              next.completeExceptionally(e);
            } else {
              next.complete(r);
            }
          });
        } catch (RuntimeException | Error bug) {
          // A bug below must become this URL's result, never a future that never completes.
          next.completeExceptionally(bug);
        }
      });
      return next;
    });
  }

  /**
   * The one retry decision: how long to wait before trying {@code request} again after
   * {@code attempt} ended in {@code result}, or null if it is not to be retried.
   */
  private Duration retryDelay(DownloadRequest request, int attempt, DownloadResult result) {
    if (!(result instanceof DownloadResult.Failure)) {
      return null;
    }
    DownloadResult.Failure failure = (DownloadResult.Failure) result;
    if (attempt > policy.retries() || !policy.isRetryable(failure)) {
      return null;
    }
    Duration delay = policy.delayAfter(attempt, failure);
    log.debug(() -> request.displayUrl() + ": attempt " + attempt + " failed ("
        + failure.message() + "); retrying in " + delay.toMillis() + " ms");
    return delay;
  }

  private Duration since(long start) {
    return Duration.ofNanos(time.ticker().read() - start);
  }
}
