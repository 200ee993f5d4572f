package dev.fetch.download;

import dev.fetch.time.Sleeper;
import dev.fetch.time.Ticker;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The bandwidth limit of a run ({@code --limit-rate}), shared by every reader of the run: each
 * reader, after reading some bytes, {@linkplain #acquire acquires} them and waits until the run's
 * total stays within the rate.
 *
 * <p>A virtual schedule (GCRA): the limiter keeps the time at which the bytes handed out so far
 * are paid for; a reader's bytes are added to it and the reader waits until then. A reader that
 * was slower than the rate earns credit, but never more than {@code burst}: after an idle spell
 * at most {@code burst × rate} bytes pass without waiting. So over any span the bytes acquired are
 * at most {@code rate × (span + burst)} plus one read, whatever the number of readers.
 *
 * <p>Time comes from the injected {@link Ticker} and waits go to the injected {@link Sleeper}, in
 * slices of at most {@link #SLICE}, so a cancelled reader stops waiting within one slice and tests
 * see every wait without making it. Thread-safe: the schedule is updated under the limiter's
 * lock; the waits happen outside it.
 */
public final class RateLimiter {
  /** The longest single sleep: a cancelled download notices within it. */
  public static final Duration SLICE = Duration.ofMillis(100);
  /** The credit a reader slower than the rate may earn: what passes at once after idling. */
  public static final Duration STANDARD_BURST = Duration.ofMillis(100);
  private static final RateLimiter UNLIMITED = new RateLimiter(0, Duration.ZERO, () -> 0,
      duration -> { });

  private final long bytesPerSecond;
  private final long burstNanos;
  private final Ticker ticker;
  private final Sleeper sleeper;
  /** When the bytes acquired so far are paid for, on the ticker; guarded by {@code this}. */
  private long paidUntil;

  /**
   * @param bytesPerSecond the rate, or 0 for no limit
   * @param burst the most credit a slow reader earns
   */
  public RateLimiter(long bytesPerSecond, Duration burst, Ticker ticker, Sleeper sleeper) {
    if (bytesPerSecond < 0 || burst.isNegative()) {
      throw new IllegalArgumentException("negative rate or burst");
    }
    this.bytesPerSecond = bytesPerSecond;
    this.burstNanos = burst.toNanos();
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.paidUntil = ticker.read();
  }

  /** A limiter that never waits. */
  public static RateLimiter unlimited() {
    return UNLIMITED;
  }

  /** {@code bytesPerSecond} (0: none) with the standard burst on {@code ticker} and {@code sleeper}. */
  public static RateLimiter of(long bytesPerSecond, Ticker ticker, Sleeper sleeper) {
    return bytesPerSecond == 0 ? UNLIMITED
        : new RateLimiter(bytesPerSecond, STANDARD_BURST, ticker, sleeper);
  }

  /** Whether it limits at all. */
  public boolean limited() {
    return bytesPerSecond > 0;
  }

  public long bytesPerSecond() {
    return bytesPerSecond;
  }

  /**
   * The most bytes a reader should read at once: a tenth of a second's worth (at least one byte),
   * so one read's wait stays short and the rate stays smooth.
   */
  public long chunk() {
    return limited() ? Math.max(1, bytesPerSecond / 10) : Long.MAX_VALUE;
  }

  /**
   * Accounts for {@code bytes} just read and waits until the run's rate allows them.
   *
   * @param cancelled asked before each slice of the wait: true ends the wait at once
   * @return false if {@code cancelled} ended the wait
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public boolean acquire(long bytes, BooleanSupplier cancelled) throws InterruptedException {
    if (!limited() || bytes <= 0) {
      return true;
    }
    long left = reserve(bytes);
    long slice = SLICE.toNanos();
    while (left > 0) {
      if (cancelled.getAsBoolean()) {
        return false;
      }
      long nap = Math.min(left, slice);
      sleeper.sleep(Duration.ofNanos(nap));
      left -= nap;
    }
    return true;
  }

  /** Adds {@code bytes} to the schedule; returns how long the reader must wait, in nanoseconds. */
  synchronized long reserve(long bytes) {
    long now = ticker.read();
    long cost = (long) Math.ceil(bytes * 1e9 / bytesPerSecond);
    long start = Math.max(paidUntil, now - burstNanos);
    paidUntil = start + cost;
    return paidUntil - now;
  }

  @Override
  public String toString() {
    return limited() ? "RateLimiter[" + bytesPerSecond + " B/s]" : "RateLimiter[unlimited]";
  }
}
