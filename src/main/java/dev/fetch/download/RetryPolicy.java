package dev.fetch.download;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Which failures are retried and how long to wait before each retry.
 *
 * <p>Retried: transport failures (connect, timeout, truncated body, other I/O) and the statuses
 * 408, 429 and 5xx. Not retried: invalid URLs, unknown hosts, failures to write to local storage,
 * responses that break HTTP ({@code protocol}), bodies over {@code --max-size}, TLS refusals (a
 * certificate or handshake the server will present again), and every other
 * status. The wait
 * doubles from {@code baseDelay} up to {@code maxDelay}, with jitter between half and all of it;
 * a server's {@code Retry-After} replaces it, capped at {@code maxRetryAfter}.
 *
 * @param retries how many retries after the first attempt (0 disables retrying)
 * @param jitter a source of numbers in [0, 1), injected so tests are exact
 */
public record RetryPolicy(
    int retries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
    DoubleSupplier jitter) {

  public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(250);
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(10);
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

  public RetryPolicy {
    if (retries < 0) {
      throw new IllegalArgumentException("retries < 0: " + retries);
    }
  }

  /** The standard policy with {@code retries} retries and random jitter. */
  public static RetryPolicy standard(int retries) {
    return new RetryPolicy(retries, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY,
        DEFAULT_MAX_RETRY_AFTER, Math::random);
  }

  /** Whether {@code failure} is worth another attempt. */
  public boolean isRetryable(DownloadResult.Failure failure) {
    switch (failure.kind()) {
      case CONNECT:
      case TIMEOUT:
      case TRUNCATED:
      case IO:
        return true;
      case HTTP:
        Integer status = failure.status();
        return status != null && (status == 408 || status == 429 || status >= 500);
      default:
        return false;
    }
  }

  /** How long to wait after failed attempt number {@code attempt} (1-based). */
  public Duration delayAfter(int attempt, DownloadResult.Failure failure) {
    if (failure.retryAfter() != null) {
      return failure.retryAfter().compareTo(maxRetryAfter) > 0 ? maxRetryAfter
          : failure.retryAfter();
    }
    long base = baseDelay.toMillis() << Math.min(attempt - 1, 30);
    long capped = Math.min(base, maxDelay.toMillis());
    return Duration.ofMillis((long) (capped * (0.5 + 0.5 * jitter.getAsDouble())));
  }
}
