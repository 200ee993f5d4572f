package dev.fetch.download;

import java.util.concurrent.CompletableFuture;

/**
 * Downloads one URL and says how it went.
 *
 * <p>Implementations are thread-safe: one instance serves every worker of a run. {@link #download}
 * blocks the calling thread until the body is fully read or the attempt fails; it never throws for a
 * failed URL (that is a {@link DownloadResult.Failure}), only for bugs. If the calling thread is
 * interrupted, the download is abandoned and reported as a failure.
 */
public interface Downloader {
  DownloadResult download(DownloadRequest request);

  /**
   * Starts the download and returns a future of its result, which completes normally (a failed
   * URL is a failure result). Implementations that can do it without blocking override this;
   * the default simply runs {@link #download} on the calling thread.
   */
  default CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
    return CompletableFuture.completedFuture(download(request));
  }
}
