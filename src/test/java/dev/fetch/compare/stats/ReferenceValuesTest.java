package dev.fetch.compare.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** fetch's statistics against values computed independently ({@link Reference}). */
class ReferenceValuesTest {

  @Test
  void medianIntervalsAreSciPysOrderStatistics() {
    int checked = 0;
    for (JsonNode c : Reference.get("median_intervals")) {
      double[] sorted = Reference.doubles(c.get("values"));
      Arrays.sort(sorted);
      double[] interval = MedianInterval.of(sorted, new Confidence(c.get("level").asDouble()));
      String what = c.get("sample").asText() + " at " + c.get("level").asDouble();
      if (c.get("low").isNull()) {
        assertNull(interval, what + ": too few runs");
      } else {
        assertEquals(c.get("low").asDouble(), interval[0], 0, what);
        assertEquals(c.get("high").asDouble(), interval[1], 0, what);
      }
      checked++;
    }
    assertEquals(18, checked);
  }

  @Test
  void theNullDistributionOfUIsTheEnumeratedOne() {
    for (JsonNode c : Reference.get("u_distribution")) {
      int n = c.get("n").asInt();
      int m = c.get("m").asInt();
      double[] cdf = Reference.doubles(c.get("cdf"));
      assertEquals(n * m + 1, cdf.length);
      for (int u = 0; u < cdf.length; u++) {
        assertEquals(cdf[u], RankSumDistribution.cumulative(n, m, u), 1e-12, n + "x" + m + " u=" + u);
      }
      c.get("critical_rank").fields().forEachRemaining(level -> assertEquals(
          level.getValue().asInt(), RankSumDistribution.criticalRank(n, m,
              new Confidence(Double.parseDouble(level.getKey()))),
          n + "x" + m + " at " + level.getKey()));
    }
  }

  @Test
  void mannWhitneyPValuesAreSciPys() {
    for (JsonNode c : Reference.get("mann_whitney")) {
      Ratio r = Ratio.of(Reference.doubles(c.get("x")), Reference.doubles(c.get("y")),
          Confidence.DEFAULT);
      assertEquals(c.get("p").asDouble(), r.pValue(), 1e-9, c.get("name").asText());
      double pairs = (double) r.n() * r.m();
      // SciPy's U counts pairs where x is the larger; superiority is the share where y is.
      assertEquals(1 - c.get("u_x").asDouble() / pairs, r.superiority(), 1e-12,
          c.get("name").asText());
    }
  }

  @Test
  void speedupIntervalsAreTheEnumeratedHodgesLehmannOnes() {
    int checked = 0;
    for (JsonNode c : Reference.get("speedup_intervals")) {
      Ratio r = Ratio.of(Reference.doubles(c.get("x")), Reference.doubles(c.get("y")),
          new Confidence(c.get("level").asDouble()));
      String what = c.get("name").asText() + " at " + c.get("level").asDouble();
      assertEquals(c.get("ratio_of_medians").asDouble(), r.estimate(), 1e-12, what);
      if (c.get("low").isNull()) {
        assertTrue(!r.judgeable(), what);
      } else {
        assertEquals(c.get("low").asDouble(), r.low(), 1e-12, what);
        assertEquals(c.get("high").asDouble(), r.high(), 1e-12, what);
      }
      checked++;
    }
    assertEquals(8, checked);
  }

  /** The demo: every processes run slower than every threads run, three of each. */
  @Test
  void threeRunsEachCannotShowEvenACompleteSeparation() {
    JsonNode demo = Reference.get("mann_whitney").get(0);
    assertEquals("issue_demo", demo.get("name").asText());
    Ratio r = Ratio.of(Reference.doubles(demo.get("x")), Reference.doubles(demo.get("y")),
        Confidence.DEFAULT);

    assertEquals(0.1, r.pValue(), 1e-12, "the smallest p three and three runs can have");
    assertEquals(false, r.judgeable());
    assertEquals("3 and 3 runs are too few for a 95% interval (4 of each needed)", r.tooFew());
    assertEquals(4, RankSumDistribution.runsNeeded(Confidence.DEFAULT));
    assertEquals(6, MedianInterval.runsNeeded(Confidence.DEFAULT));
  }
}
