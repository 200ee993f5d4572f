package dev.fetch.cli;

import dev.fetch.output.Progress;
import dev.fetch.output.TerminalWidth;
import dev.fetch.time.Ticker;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/** {@code --progress}: how a run shows its progress on stderr. */
public enum ProgressOption {
  /** A bar when stderr is a terminal; else lines when {@code CI=true}; else nothing. */
  AUTO,
  /** A bar, even when stderr is not a terminal. */
  ALWAYS,
  /** A plain line every few seconds, without control codes: for logs. */
  LINES,
  NEVER;

  /** What a run shows. */
  enum Display { BAR, LINES, NONE }

  /**
   * The display this choice gives a run whose stderr is (or is not) a terminal, in environment
   * {@code env}: for {@link #AUTO}, a bar on a terminal, else lines when {@code CI} is
   * {@code true} (as GitHub Actions, GitLab CI and others set it), else nothing.
   */
  Display display(boolean stderrIsTerminal, Map<String, String> env) {
    switch (this) {
      case ALWAYS:
        return Display.BAR;
      case LINES:
        return Display.LINES;
      case NEVER:
        return Display.NONE;
      default:
        if (stderrIsTerminal) {
          return Display.BAR;
        }
        return "true".equalsIgnoreCase(env.getOrDefault("CI", "").trim()) ? Display.LINES
            : Display.NONE;
    }
  }

  /**
   * The progress display of a run in {@code outside}, writing to {@code err}; {@code urls}
   * counts the list's URLs when the run starts (-1 when it cannot).
   */
  Progress progress(PrintWriter err, Outside outside, LongSupplier urls) {
    Ticker ticker = outside.time().ticker();
    switch (display(Terminals.stderrIsTerminal(), outside.env())) {
      case BAR:
        return Progress.bar(err, Terminals.stdoutIsTerminal(), urls, ticker,
            TerminalWidth.of(Terminals.stderrDevice(), outside.env(), ticker));
      case LINES:
        return Progress.lines(err, urls, ticker);
      default:
        return Progress.none(err);
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
