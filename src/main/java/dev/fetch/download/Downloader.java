package dev.fetch.download;

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
}
