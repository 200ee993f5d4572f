package dev.fetch.time;

/**
 * A source of monotonic nanoseconds, injected wherever time is measured so that tests can drive it.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface Ticker {
  /** Nanoseconds since an arbitrary fixed origin; only differences are meaningful. */
  long read();

  /** The JVM's monotonic clock. */
  static Ticker system() {
    return System::nanoTime;
  }
}
