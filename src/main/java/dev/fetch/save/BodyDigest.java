package dev.fetch.save;

import dev.fetch.download.Checksum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import okio.Buffer;

/**
 * The digest of one body, computed as its bytes go by, checked against the {@link Checksum} its
 * request expects. Not thread-safe: one per body, fed by the thread that drains it.
 */
final class BodyDigest {
  private final Checksum expected;
  private final MessageDigest digest;

  private BodyDigest(Checksum expected) {
    this.expected = expected;
    try {
      this.digest = MessageDigest.getInstance(expected.algorithm().javaName());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no " + expected.algorithm().javaName(), e);
    }
  }

  /** A digest for {@code expected}, or null when the body is not checked. */
  static BodyDigest of(Checksum expected) {
    return expected == null ? null : new BodyDigest(expected);
  }

  /** Adds the bytes of {@code chunk} without consuming them. */
  void update(Buffer chunk) {
    try (Buffer.UnsafeCursor cursor = chunk.readUnsafe()) {
      for (int size = cursor.seek(0); size != -1; size = cursor.next()) {
        digest.update(cursor.data, cursor.start, cursor.end - cursor.start);
      }
    }
  }

  /** Adds the first {@code length} bytes of {@code file}: a resumed body's kept prefix. */
  void updateFrom(Path file, long length) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (long left = length; left > 0; ) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          throw new StorageException("cannot read " + file + ": shorter than " + length
              + " bytes", null);
        }
        digest.update(buffer, 0, read);
        left -= read;
      }
    }
  }

  /** @throws ChecksumMismatchException if the bytes so far are not the expected body */
  void check() throws ChecksumMismatchException {
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expected.hex())) {
      throw new ChecksumMismatchException(expected, actual);
    }
  }
}
