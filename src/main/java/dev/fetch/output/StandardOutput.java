package dev.fetch.output;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as a UTF-8 {@link PrintWriter} that remembers why a write failed, so fetch can
 * say "No space left on device" rather than only that writing failed ({@code PrintWriter} and
 * {@code System.out} swallow the cause). Thread-safe as a {@code PrintWriter} is.
 */
public final class StandardOutput extends PrintWriter {
  private final Recording recording;

  private StandardOutput(Recording recording) {
    super(recording, false);
    this.recording = recording;
  }

  /** The process's standard output, file descriptor 1, without {@code System.out}'s buffer. */
  public static StandardOutput open() {
    return over(new FileOutputStream(FileDescriptor.out));
  }

  /** A writer over {@code stream}: for tests. */
  public static StandardOutput over(OutputStream stream) {
    return new StandardOutput(new Recording(new OutputStreamWriter(stream,
        StandardCharsets.UTF_8)));
  }

  /** Why the last write failed, or null if none has. */
  public IOException failure() {
    return recording.failure;
  }

  /** Keeps the exception a write or flush threw, before {@code PrintWriter} swallows it. */
  private static final class Recording extends FilterWriter {
    private volatile IOException failure;

    Recording(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      try {
        super.write(c);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      try {
        super.write(chars, offset, length);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      try {
        super.write(text, offset, length);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        super.flush();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }
}
