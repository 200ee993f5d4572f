package dev.fetch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;

/** Gzip-compresses test bodies. */
public final class Gzip {
  private Gzip() {}

  /** {@code plain}, gzip-compressed; {@code plain} is consumed. */
  public static Buffer compress(Buffer plain) {
    Buffer compressed = new Buffer();
    try (BufferedSink gzip = Okio.buffer(new GzipSink(compressed))) {
      gzip.writeAll(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed;
  }
}
