package dev.fetch.save;

import dev.fetch.download.DownloadRequest;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Counts body bytes and throws them away, one segment at a time; a body whose request carries a
 * checksum is hashed on the way, so it is verified even though it is not kept.
 */
public enum DiscardingSink implements BodySink {
  INSTANCE;

  private static final long CHUNK = 64 * 1024;

  @Override
  public long drain(DownloadRequest request, BufferedSource body) throws IOException {
    BodyDigest digest = BodyDigest.of(request.checksum());
    if (digest == null) {
      return count(body);
    }
    Buffer scratch = new Buffer();
    long total = 0;
    for (long read; (read = body.read(scratch, CHUNK)) != -1; ) {
      total += read;
      digest.update(scratch);
      scratch.clear();
    }
    digest.check();
    return total;
  }

  /** Reads {@code body} to its end, keeping at most {@link #CHUNK} bytes at a time. */
  public static long count(BufferedSource body) throws IOException {
    Buffer scratch = new Buffer();
    long total = 0;
    for (long read; (read = body.read(scratch, CHUNK)) != -1; ) {
      total += read;
      scratch.clear();
    }
    return total;
  }
}
