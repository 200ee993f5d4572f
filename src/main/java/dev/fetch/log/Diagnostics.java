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
 * Every line is written {@linkplain #printable printable}: a control character in a message (from a
 * server's reason phrase, a list line, another process) is shown as {@code \\uXXXX}, never sent to
 * the terminal, and a line is always one line. Credentials must be removed by the caller (messages
 * carry redacted URLs).
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

  /**
   * One line as it is, e.g. a worker's standard error already prefixed with its name, except that
   * control characters are made {@linkplain #printable printable}.
   */
  public void line(String text) {
    String safe = printable(text);
    synchronized (err) {
      err.println(safe);
      err.flush();
    }
  }

  /**
   * Returns {@code text} with every control character (C0 and C1, DEL, and the Unicode line and
   * paragraph separators) replaced by its {@code \\uXXXX} form, so untrusted text cannot move the
   * cursor, set a window title, ring the bell or start a new line. Other characters, the backslash
   * included, are kept. The one definition of printable text: formatters and messages use it too.
   *
   * @return {@code text} itself when it needs no change; null for null
   */
  public static String printable(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = isControl(c);
      if (control && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (control) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether {@link #printable} escapes {@code c}: C0 and C1 controls, line separators. */
  public static boolean isControl(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }
}
