package dev.fetch.testing;

import dev.fetch.time.Scheduler;
import dev.fetch.time.Sleeper;
import dev.fetch.time.Ticker;
import dev.fetch.time.Time;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time that moves only when told to: a ticker, a fixed wall clock, and a sleeper and scheduler
 * that record each wait and let it pass on the ticker at once (the scheduler runs its task on the
 * calling thread). So code that backs off can be tested without waiting. Thread-safe.
 */
public final class FakeTime {
  /** The wall clock's fixed instant. */
  public static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private final FakeTicker ticker = new FakeTicker();
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean interruptSleeps;

  /** A ticker that moves only when told to. */
  public static final class FakeTicker implements Ticker {
    private long nanos;

    @Override
    public synchronized long read() {
      return nanos;
    }

    public synchronized void advance(Duration duration) {
      nanos += duration.toNanos();
    }
  }

  /**
   * Real ticker and clock, but waits that pass at once (an interrupted sleeper still throws): for
   * command-line tests, so no test waits for a real back-off while times stay real.
   */
  public static Time instantWaits() {
    Sleeper sleeper = duration -> {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while backing off");
      }
    };
    Scheduler scheduler = (delay, task) -> task.run();
    return new Time(Ticker.system(), Clock.systemUTC(), sleeper, scheduler);
  }

  public FakeTicker ticker() {
    return ticker;
  }

  /** Every wait asked of the sleeper or the scheduler, in order. */
  public List<Duration> waits() {
    synchronized (waits) {
      return List.copyOf(waits);
    }
  }

  /** From now on, a sleep throws {@link InterruptedException} (after being recorded). */
  public void interruptSleeps() {
    interruptSleeps = true;
  }

  /** The {@link Time} to inject. */
  public Time time() {
    Sleeper sleeper = duration -> {
      waits.add(duration);
      if (interruptSleeps) {
        throw new InterruptedException("stop");
      }
      ticker.advance(duration);
    };
    Scheduler scheduler = (delay, task) -> {
      waits.add(delay);
      ticker.advance(delay);
      task.run();
    };
    return new Time(ticker, Clock.fixed(NOW, ZoneOffset.UTC), sleeper, scheduler);
  }
}
