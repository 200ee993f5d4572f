package dev.fetch.download;

import java.nio.file.Path;

/**
 * How every URL of a run is downloaded, whichever strategy runs it: enough to build the same
 * downloader anywhere (a worker process builds its own from these).
 *
 * @param http the HTTP client's settings
 * @param retries retries after a retryable failure
 * @param outputDir where bodies are saved, or null to count and discard them
 * @param maxSize the most decoded body bytes one URL may have (failure {@code too_large}
 *     beyond), or 0 for no limit
 */
public record DownloadSettings(HttpSettings http, int retries, Path outputDir, long maxSize) {

  /** Settings with no size limit. */
  public DownloadSettings(HttpSettings http, int retries, Path outputDir) {
    this(http, retries, outputDir, 0);
  }

  /** The defaults, with {@code concurrency} requests at once: for tests and embedding. */
  public static DownloadSettings defaults(int concurrency) {
    return new DownloadSettings(new HttpSettings(concurrency,
        HttpSettings.DEFAULT_CONNECT_TIMEOUT, HttpSettings.DEFAULT_TIMEOUT, "fetch", 0), 2, null);
  }
}
