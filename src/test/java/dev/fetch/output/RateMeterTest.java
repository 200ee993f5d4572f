package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateMeterTest {
  private static final long SECOND = 1_000_000_000L;
  private final RateMeter meter = new RateMeter(Duration.ofSeconds(5));

  @Test
  void noRateUntilTheSamplesSpanATenthOfTheWindow() {
    assertTrue(Double.isNaN(meter.sample(0, 0)));
    assertTrue(Double.isNaN(meter.sample(SECOND / 4, 1_000)));
    assertEquals(2_000, meter.sample(SECOND / 2, 1_000), 1e-9);
  }

  @Test
  void theRateFollowsTheWindowNotTheWholeRun() {
    meter.sample(0, 0);
    for (int second = 1; second <= 10; second++) {
      meter.sample(second * SECOND, second * 1_000_000L);
    }
    assertEquals(1_000_000, meter.sample(11 * SECOND, 11_000_000), 1e-6);

    for (int second = 12; second <= 17; second++) {
      meter.sample(second * SECOND, 11_000_000);
    }
    assertEquals(0, meter.sample(18 * SECOND, 11_000_000), 1e-9, "a stall shows as 0");
  }
}
