package dev.fetch.output;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The current rate of a growing count (bytes arrived), over a sliding window of recent samples,
 * so that it follows a download that speeds up or stalls within seconds rather than averaging the
 * whole run. Fed by one thread (a display's); not thread-safe.
 */
final class RateMeter {
  private final long windowNanos;
  private final ArrayDeque<long[]> samples = new ArrayDeque<>();

  /** @param window how far back the rate looks */
  RateMeter(Duration window) {
    this.windowNanos = window.toNanos();
  }

  /**
   * Records that the count was {@code count} at {@code nanos} (a ticker's reading, never going
   * back) and returns the rate per second over the window, or NaN until the samples span a
   * tenth of it.
   */
  double sample(long nanos, long count) {
    samples.addLast(new long[] {nanos, count});
    while (samples.size() > 2 && nanos - samples.peekFirst()[0] > windowNanos) {
      samples.removeFirst();
    }
    long[] first = samples.peekFirst();
    long span = nanos - first[0];
    if (span < windowNanos / 10) {
      return Double.NaN;
    }
    return (count - first[1]) * 1e9 / span;
  }
}
