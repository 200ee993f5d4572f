package dev.fetch.save;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.TransferListener;
import dev.fetch.download.Validators;
import java.io.IOException;
import okio.BufferedSource;

/**
 * Where a response body goes: counted and discarded, or saved to a file.
 *
 * <p>Implementations are thread-safe and stream: memory use does not grow with the body size. A
 * failure to store the body is thrown as {@link StorageException}; any other {@code IOException}
 * came from reading the network. Either way nothing is left under a final file name. A body whose
 * request carries a checksum is hashed as it streams; a wrong digest is thrown as
 * {@link ChecksumMismatchException}, after the whole body was read.
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
   * As {@link #drain(DownloadRequest, BufferedSource, long)}, told what the response said about
   * the body: where it starts in the file ({@link BodyStart#offset()}, after a kept partial that
   * a {@code 206} continues), its validators and its {@code Last-Modified}. A sink that keeps no
   * partial bodies is only ever given an offset of 0; the default ignores the rest.
   *
   * @return the bytes read from {@code body} (not counting the kept partial)
   */
  default long drain(DownloadRequest request, BufferedSource body, BodyStart start)
      throws IOException {
    return drain(request, body, start.declaredLength());
  }

  /**
   * What is on disk for {@code request} before it is sent: its file and its kept partial, for
   * conditional and range requests. {@link LocalFile#NONE} for a sink that saves nothing.
   *
   * @throws IOException if the output directory cannot be read
   */
  default LocalFile local(DownloadRequest request) throws IOException {
    return LocalFile.NONE;
  }

  /**
   * The validators of what {@code request}'s kept partial holds, for {@code If-Range}: those
   * recorded when it was started, by this process or (from the index) an earlier one.
   */
  default Validators resumeValidators(DownloadRequest request) {
    return request.validators();
  }

  /**
   * The server said the kept partial (else the file) already holds the whole body
   * ({@code 416} with its size): puts it in place under its final name, after checking it
   * against the request's checksum, and returns its size.
   *
   * @throws ChecksumMismatchException if the digest is wrong (the partial is removed)
   * @throws StorageException if it cannot be renamed
   */
  default long finishPartial(DownloadRequest request) throws IOException {
    throw new StorageException("this sink keeps no partial bodies", null);
  }

  /** Removes {@code request}'s kept partial, so that it starts again from its first byte. */
  default void discardPartial(DownloadRequest request) throws IOException {}

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
