package dev.fetch.download;

/**
 * Hears about downloads while they happen, for a live progress display: when a URL starts and
 * finishes, and its body bytes as they arrive. The engine reports through decorators
 * ({@link Downloaders#reportingTo}, {@code BodySink.reporting}), so no downloader knows about it.
 *
 * <p>Called from the threads that download (several at once), and for every read of a body:
 * implementations are thread-safe, return at once, never block on I/O and never throw.
 */
public interface TransferListener {
  /** Hears nothing: the default of a run with no progress display. */
  TransferListener NONE = new TransferListener() { };

  /** {@code request}'s download starts, before its first attempt (once per URL). */
  default void started(DownloadRequest request) {}

  /**
   * An attempt at {@code request} has its response and starts reading the body, which declares
   * {@code length} decoded bytes, or -1 when it does not say. Bytes read by an earlier attempt of
   * the same URL no longer count towards it.
   */
  default void bodyStarted(DownloadRequest request, long length) {}

  /** {@code bytes} more of {@code request}'s body arrived (decoded). */
  default void read(DownloadRequest request, long bytes) {}

  /** {@code request}'s download ended with {@code result}, retries included. */
  default void finished(DownloadRequest request, DownloadResult result) {}
}
