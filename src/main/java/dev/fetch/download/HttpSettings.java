package dev.fetch.download;

import java.time.Duration;

/**
 * How the shared HTTP client is built for a run.
 *
 * @param concurrency how many requests the run may have in flight; the client's dispatcher and
 *     connection pool are sized so they never cap it
 * @param connectTimeout the longest wait for a TCP (and TLS) connection
 * @param timeout the longest one attempt may take, body included
 * @param userAgent the {@code User-Agent} header sent with every request
 * @param perHost the most requests to one host at once, or 0 for no limit but
 *     {@code concurrency}
 */
public record HttpSettings(
    int concurrency, Duration connectTimeout, Duration timeout, String userAgent, int perHost) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  public HttpSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency < 1: " + concurrency);
    }
    if (perHost < 0) {
      throw new IllegalArgumentException("perHost < 0: " + perHost);
    }
  }
}
