package dev.fetch.output;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a library writes to a stream, passed on as text to the writer fetch was given (so a
 * progress bar draws on the injected stderr, not on {@code System.err}). Bytes are UTF-8 and are
 * decoded at each {@link #flush}, so a character split across writes arrives whole. Not
 * thread-safe.
 */
final class WriterStream extends OutputStream {
  private final Writer writer;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  WriterStream(Writer writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) {
    pending.write(b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    pending.write(bytes, offset, length);
  }

  @Override
  public void flush() {
    if (pending.size() > 0) {
      String text = pending.toString(StandardCharsets.UTF_8);
      pending.reset();
      synchronized (writer) {
        try {
          writer.write(text);
          writer.flush();
        } catch (java.io.IOException e) {
          // stderr is gone: a progress display has nowhere to go.
        }
      }
    }
  }

  @Override
  public void close() {
    flush();
  }
}
