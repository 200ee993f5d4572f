package dev.fetch.download;

import dev.fetch.time.Sleeper;
import dev.fetch.time.Ticker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Downloader} decorator that retries failures its {@link RetryPolicy} calls retryable.
 *
 * <p>The result is the last attempt's, with {@code attempts} counting every request and
 * {@code elapsed} covering all of them and the waits between. Thread-safe if the delegate is.
 * An interrupt during a wait ends the retries and returns the last failure.
 */
public final class RetryingDownloader implements Downloader {
  private static final Logger log = LoggerFactory.getLogger(RetryingDownloader.class);

  private final Downloader delegate;
  private final RetryPolicy policy;
  private final Ticker ticker;
  private final Sleeper sleeper;

  public RetryingDownloader(Downloader delegate, RetryPolicy policy, Ticker ticker,
      Sleeper sleeper) {
    this.delegate = delegate;
    this.policy = policy;
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  @Override
  public DownloadResult download(DownloadRequest request) {
    long start = ticker.read();
    for (int attempt = 1; ; attempt++) {
      DownloadResult result = delegate.download(request);
      if (!(result instanceof DownloadResult.Failure)) {
        return result.afterAttempts(attempt, since(start));
      }
      DownloadResult.Failure failure = (DownloadResult.Failure) result;
      if (attempt > policy.retries() || !policy.isRetryable(failure)) {
        return failure.afterAttempts(attempt, since(start));
      }
      Duration delay = policy.delayAfter(attempt, failure);
      log.debug("{}: attempt {} failed ({}); retrying in {} ms", request.displayUrl(), attempt,
          failure.message(), delay.toMillis());
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failure.afterAttempts(attempt, since(start));
      }
    }
  }

  /**
   * The asynchronous form: each retry is scheduled after its wait instead of sleeping, so no thread
   * is held while waiting. The time counts from when the first attempt really started, not from
   * when it was queued.
   */
  @Override
  public CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
    return attemptAsync(request, 1, -1);
  }

  /**
   * @param start when the first attempt really started (it may have waited in a queue first),
   *     or -1 before the first attempt has finished
   */
  private CompletableFuture<DownloadResult> attemptAsync(DownloadRequest request, int attempt,
      long start) {
    return delegate.downloadAsync(request).thenCompose(result -> {
      long first = start >= 0 ? start : ticker.read() - result.elapsed().toNanos();
      if (!(result instanceof DownloadResult.Failure)) {
        return CompletableFuture.completedFuture(result.afterAttempts(attempt, since(first)));
      }
      DownloadResult.Failure failure = (DownloadResult.Failure) result;
      if (attempt > policy.retries() || !policy.isRetryable(failure)) {
        return CompletableFuture.completedFuture(failure.afterAttempts(attempt, since(first)));
      }
      Duration delay = policy.delayAfter(attempt, failure);
      log.debug("{}: attempt {} failed ({}); retrying in {} ms", request.displayUrl(), attempt,
          failure.message(), delay.toMillis());
      Executor later = CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS,
          Runnable::run);
      return CompletableFuture.supplyAsync(() -> attempt + 1, later)
          .thenCompose(next -> attemptAsync(request, next, first));
    });
  }

  private Duration since(long start) {
    return Duration.ofNanos(ticker.read() - start);
  }
}
