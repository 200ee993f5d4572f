package dev.fetch.log;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Supplier;

/**
 * Where fetch's own diagnostics go — warnings, debug lines ({@code -v}), worker processes'
 * standard error — injected instead of a global logger, so each run (and each test) has its own
 * writer and verbosity.
 *
 * <p>Lines are prefixed with the calling thread's name, as {@code [worker-3] message}. Thread-safe:
 * each line is written and flushed under the writer's lock, so lines from many threads never tear.
 * Credentials and control characters must be removed by the caller (messages carry redacted URLs).
 */
public final class Diagnostics {
  private static final Diagnostics NONE = new Diagnostics(new PrintWriter(Writer.nullWriter()),
      false);

  private final PrintWriter err;
  private final boolean verbose;

  private Diagnostics(PrintWriter err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  /** Diagnostics on {@code err}; debug lines only if {@code verbose}. */
  public static Diagnostics to(PrintWriter err, boolean verbose) {
    return new Diagnostics(err, verbose);
  }

  /** Diagnostics that go nowhere: for embedding and tests that do not look. */
  public static Diagnostics none() {
    return NONE;
  }

  /** Whether debug lines are written. */
  public boolean verbose() {
    return verbose;
  }

  /** Something the user should know: always written. */
  public void warn(String message) {
    line("[" + Thread.currentThread().getName() + "] warning: " + message);
  }

  /** A detail for {@code -v}; the message is only built when it will be written. */
  public void debug(Supplier<String> message) {
    if (verbose) {
      line("[" + Thread.currentThread().getName() + "] " + message.get());
    }
  }

  /** One line as it is, e.g. a worker's standard error already prefixed with its name. */
  public void line(String text) {
    synchronized (err) {
      err.println(text);
      err.flush();
    }
  }
}
