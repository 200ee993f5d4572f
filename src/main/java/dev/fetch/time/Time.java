package dev.fetch.time;

import java.time.Clock;

/**
 * Every way fetch reads or spends time, injected as one value so tests can replace all of it:
 * a fake ticker for elapsed times, a fixed clock for {@code Retry-After} dates, and a sleeper and
 * scheduler that return at once so no test waits for a real back-off.
 *
 * @param ticker measures elapsed time
 * @param wallClock reads the date ({@code Retry-After: <date>})
 * @param sleeper blocks a thread between retries
 * @param scheduler schedules an asynchronous retry
 */
public record Time(Ticker ticker, Clock wallClock, Sleeper sleeper, Scheduler scheduler) {

  /** The real world. */
  public static Time system() {
    return new Time(Ticker.system(), Clock.systemUTC(), Sleeper.system(), Scheduler.system());
  }
}
