package dev.fetch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.compare.stats.Confidence;
import org.junit.jupiter.api.Test;

/** Statistics on samples whose answers are known by hand. */
class StatsTest {
  private static final double EPS = 1e-9;

  @Test
  void summaryOfAKnownSample() {
    Stats s = Stats.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9}, Confidence.DEFAULT);

    assertEquals(8, s.n());
    assertEquals(5.0, s.mean(), EPS);
    assertEquals(Math.sqrt(32.0 / 7), s.stddev(), EPS); // sample standard deviation
    assertEquals(4.5, s.median(), EPS);
    assertEquals(2, s.min(), EPS);
    assertEquals(9, s.max(), EPS);
    // 8 runs at 95%: P(Binomial(8, 1/2) <= 0) = 1/256 < 0.025 <= P(B <= 1) = 9/256, so the
    // interval is x(1)..x(8), covering 1 - 2/256 = 99.2%.
    assertEquals(2, s.ciLow(), EPS);
    assertEquals(9, s.ciHigh(), EPS);
    assertEquals(0, s.outliers());
  }

  @Test
  void twentyRunsGiveTheSixthAndFifteenth() {
    double[] sample = new double[20];
    for (int i = 0; i < 20; i++) {
      sample[i] = 20 - i; // given in descending order: Stats sorts a copy
    }
    Stats s = Stats.of(sample, Confidence.DEFAULT);

    // P(B(20, 1/2) <= 5) = 0.0207 < 0.025 <= P(B <= 6): ranks 6 and 15.
    assertEquals(6, s.ciLow(), EPS);
    assertEquals(15, s.ciHigh(), EPS);
    assertEquals(20, sample[0], "the caller's array is left alone");
  }

  @Test
  void fiveRunsAreTooFewForA95PercentIntervalOfTheMedian() {
    Stats s = Stats.of(new double[] {1.0, 1.1, 0.9, 1.2, 1.05}, Confidence.DEFAULT);

    assertEquals(1.05, s.median(), EPS);
    assertFalse(s.hasInterval(), "min..max covers 1 - 2/32 = 93.75% only");
    assertTrue(Double.isNaN(s.ciLow()) && Double.isNaN(s.ciHigh()));
    assertTrue(Stats.of(new double[] {1.0, 1.1, 0.9, 1.2, 1.05}, new Confidence(0.9))
        .hasInterval(), "but 93.75% is enough for 90%");
  }

  @Test
  void aSingleRunHasNoSpread() {
    Stats s = Stats.of(new double[] {1.5}, Confidence.DEFAULT);

    assertEquals(1, s.n());
    assertEquals(0, s.stddev(), EPS);
    assertFalse(s.hasInterval());
  }

  @Test
  void anEmptySampleIsEmpty() {
    assertEquals(Stats.EMPTY, Stats.of(new double[0], Confidence.DEFAULT));
    assertTrue(Double.isNaN(Stats.EMPTY.mean()));
  }

  @Test
  void tukeyFencesFindTheOutlier() {
    Stats s = Stats.of(new double[] {1.00, 1.01, 0.99, 1.02, 0.98, 3.0}, Confidence.DEFAULT);

    assertEquals(1, s.outliers());
  }
}
