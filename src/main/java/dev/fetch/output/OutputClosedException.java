package dev.fetch.output;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Standard output can no longer be written — the reader of a pipe went away, as with
 * {@code fetch list.txt | head -1}, or the disk it goes to is full: the run stops, as curl does,
 * with its own exit code. The message gives the cause when it is known.
 */
public final class OutputClosedException extends RuntimeException {
  public OutputClosedException() {
    super("standard output was closed; stopping");
  }

  private OutputClosedException(String message, IOException cause) {
    super(message, cause);
  }

  /** The failure of {@code out}, with its cause if {@code out} is a {@link StandardOutput}. */
  public static OutputClosedException of(PrintWriter out) {
    IOException cause = out instanceof StandardOutput ? ((StandardOutput) out).failure() : null;
    if (cause == null || cause.getMessage() == null) {
      return new OutputClosedException();
    }
    String reason = cause.getMessage();
    if (reason.contains("Broken pipe") || reason.contains("Stream closed")) {
      return new OutputClosedException();
    }
    return new OutputClosedException("cannot write standard output (" + reason + "); stopping",
        cause);
  }
}
