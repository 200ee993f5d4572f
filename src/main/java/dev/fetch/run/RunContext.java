package dev.fetch.run;

import dev.fetch.download.Sleeper;
import dev.fetch.download.Ticker;
import dev.fetch.report.Progress;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What a run talks to outside itself, injected so tests can supply their own.
 *
 * @param out results
 * @param err diagnostics: invalid lines, warnings, logs
 * @param stdin what the list {@code -} reads
 * @param progress makes the progress display, given a way to count the list's URLs (-1 if that
 *     cannot be known beforehand); the count is only asked for if a display is shown
 * @param ticker measures elapsed time
 * @param wallClock reads the date, for {@code Retry-After} dates
 * @param sleeper waits between retries
 */
public record RunContext(
    PrintWriter out, PrintWriter err, InputStream stdin, Function<LongSupplier, Progress> progress,
    Ticker ticker, Clock wallClock, Sleeper sleeper) {

  /** The real world: system clocks and sleeping, no progress display. */
  public static RunContext of(PrintWriter out, PrintWriter err, InputStream stdin) {
    return new RunContext(out, err, stdin, total -> Progress.none(), Ticker.system(),
        Clock.systemUTC(), Sleeper.system());
  }

  public RunContext withProgress(Function<LongSupplier, Progress> progress) {
    return new RunContext(out, err, stdin, progress, ticker, wallClock, sleeper);
  }
}
