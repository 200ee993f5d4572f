package dev.fetch.time;

import java.time.Duration;

/** Waits for a while; injected into retry logic so tests need not wait for real. */
@FunctionalInterface
public interface Sleeper {
  /** Blocks for {@code duration}; throws if the thread is interrupted meanwhile. */
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
