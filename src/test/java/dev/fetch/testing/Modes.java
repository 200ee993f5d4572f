package dev.fetch.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fetch.strategy.Mode;

/** Helpers for tests that run in every mode. */
public final class Modes {
  private Modes() {}

  /**
   * Skips the test, with the mode's own reason, when {@code mode} cannot run on this Java
   * ({@code virtual} on Java 17): the run on a newer JDK in CI covers it.
   */
  public static void assumeAvailable(Mode mode) {
    String reason = mode.unavailableReason();
    assumeTrue(reason == null, () -> "skipped on this runtime: " + reason);
  }
}
