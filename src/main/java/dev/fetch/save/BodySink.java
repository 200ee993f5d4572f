package dev.fetch.save;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.TransferListener;
import java.io.IOException;
import okio.BufferedSource;

/**
 * Where a response body goes: counted and discarded, or saved to a file.
 *
 * <p>Implementations are thread-safe and stream: memory use does not grow with the body size. A
 * failure to store the body is thrown as {@link StorageException}; any other {@code IOException}
 * came from reading the network. Either way nothing is left under a final file name.
 */
public interface BodySink {
  /**
   * Reads {@code body} to its end and returns how many bytes it had.
   *
   * @throws StorageException if the body could not be stored
   * @throws IOException if reading the body failed
   */
  long drain(DownloadRequest request, BufferedSource body) throws IOException;

  /**
   * As {@link #drain(DownloadRequest, BufferedSource)}, told how many decoded bytes the response
   * declared ({@code Content-Length}), or -1: for a sink that reports progress. The default
   * ignores it.
   */
  default long drain(DownloadRequest request, BufferedSource body, long declaredLength)
      throws IOException {
    return drain(request, body);
  }

  /**
   * Where this sink saves {@code request}'s body, relative to its directory, or null when it
   * saves nothing.
   */
  default String savedPath(DownloadRequest request) {
    return null;
  }

  /** Removes whatever an interrupted run may have left half-written. Idempotent. */
  default void cleanUp() {}

  /**
   * {@code sink}, telling {@code listener} about each body as it is read
   * ({@link ReportingSink}); {@code sink} itself for {@link TransferListener#NONE}.
   */
  static BodySink reporting(BodySink sink, TransferListener listener) {
    return listener == TransferListener.NONE ? sink : new ReportingSink(sink, listener);
  }

  /** A sink that counts the bytes and keeps none of them, as the tutorial does. */
  static BodySink discarding() {
    return DiscardingSink.INSTANCE;
  }
}
