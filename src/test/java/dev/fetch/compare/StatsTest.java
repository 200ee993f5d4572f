package dev.fetch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Statistics on samples whose answers are known by hand. */
class StatsTest {
  private static final double EPS = 1e-9;

  @Test
  void summaryOfAKnownSample() {
    Stats s = Stats.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});

    assertEquals(8, s.n());
    assertEquals(5.0, s.mean(), EPS);
    assertEquals(Math.sqrt(32.0 / 7), s.stddev(), EPS); // sample standard deviation
    assertEquals(4.5, s.median(), EPS);
    assertEquals(2, s.min(), EPS);
    assertEquals(9, s.max(), EPS);
    // t(0.975, 7) = 2.364624251592785
    double half = 2.364624251592785 * Math.sqrt(32.0 / 7) / Math.sqrt(8);
    assertEquals(5 - half, s.ciLow(), 1e-9);
    assertEquals(5 + half, s.ciHigh(), 1e-9);
    assertEquals(0, s.outliers());
  }

  @Test
  void aSingleRunHasNoSpread() {
    Stats s = Stats.of(new double[] {1.5});

    assertEquals(1, s.n());
    assertEquals(0, s.stddev(), EPS);
    assertEquals(1.5, s.ciLow(), EPS);
    assertEquals(1.5, s.ciHigh(), EPS);
  }

  @Test
  void anEmptySampleIsEmpty() {
    assertEquals(Stats.EMPTY, Stats.of(new double[0]));
    assertTrue(Double.isNaN(Stats.EMPTY.mean()));
  }

  @Test
  void tukeyFencesFindTheOutlier() {
    Stats s = Stats.of(new double[] {1.00, 1.01, 0.99, 1.02, 0.98, 3.0});

    assertEquals(1, s.outliers());
  }

  @Test
  void overlapIsJudgedOnTheIntervals() {
    Stats a = Stats.of(new double[] {1.0, 1.1, 0.9});
    Stats b = Stats.of(new double[] {1.05, 1.15, 0.95});
    Stats far = Stats.of(new double[] {5.0, 5.1, 4.9});

    assertTrue(a.overlaps(b));
    assertFalse(a.overlaps(far));
  }

  @Test
  void speedupPropagatesBothSamplesUncertainty() {
    Stats slow = Stats.of(new double[] {2.0, 2.2, 1.8});
    Stats fast = Stats.of(new double[] {0.5, 0.55, 0.45});
    Speedup s = Speedup.of(slow, fast);

    assertEquals(4.0, s.ratio(), EPS);
    double relative = Math.hypot(slow.stddev() / 2.0, fast.stddev() / 0.5);
    assertEquals(4.0 * relative, s.stddev(), EPS);
    assertEquals(slow.ciLow() / fast.ciHigh(), s.low(), EPS);
    assertEquals(slow.ciHigh() / fast.ciLow(), s.high(), EPS);
  }
}
