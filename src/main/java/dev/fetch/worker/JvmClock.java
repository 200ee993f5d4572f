package dev.fetch.worker;

import java.time.Duration;
import java.time.Instant;

/**
 * The time since this JVM started, for the debug lines that make a run's timeline (when each
 * worker was started, was ready, got its first task). Not a clock for logic: its resolution is
 * the operating system's process start time (10 ms on Linux).
 */
final class JvmClock {
  private JvmClock() {}

  /** E.g. {@code at +412 ms}, or {@code at ?} where the start time is unknown. */
  static String sinceStart() {
    return ProcessHandle.current().info().startInstant()
        .map(start -> "at +" + Duration.between(start, Instant.now()).toMillis() + " ms")
        .orElse("at ?");
  }
}
