package dev.fetch.engine;

import dev.fetch.time.Sleeper;
import dev.fetch.time.Ticker;
import dev.fetch.output.Progress;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import okhttp3.ConnectionPool;

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
 * @param observer sees every reported result with its time
 * @param sharedPool a connection pool to reuse across runs, or null for a fresh one per run
 */
public record RunContext(
    PrintWriter out, PrintWriter err, InputStream stdin, Function<LongSupplier, Progress> progress,
    Ticker ticker, Clock wallClock, Sleeper sleeper, ResultObserver observer,
    ConnectionPool sharedPool) {

  /** The real world: system clocks and sleeping, no progress display. */
  public static RunContext of(PrintWriter out, PrintWriter err, InputStream stdin) {
    return new RunContext(out, err, stdin, total -> Progress.none(), Ticker.system(),
        Clock.systemUTC(), Sleeper.system(), ResultObserver.none(), null);
  }

  public RunContext withProgress(Function<LongSupplier, Progress> progress) {
    return new RunContext(out, err, stdin, progress, ticker, wallClock, sleeper, observer,
        sharedPool);
  }

  public RunContext withObserver(ResultObserver observer) {
    return new RunContext(out, err, stdin, progress, ticker, wallClock, sleeper, observer,
        sharedPool);
  }

  public RunContext withSharedPool(ConnectionPool pool) {
    return new RunContext(out, err, stdin, progress, ticker, wallClock, sleeper, observer, pool);
  }
}
