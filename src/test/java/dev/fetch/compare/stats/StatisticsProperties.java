package dev.fetch.compare.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.compare.Stats;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the statistics over random samples of run times (jqwik): an interval of the
 * median always holds the median and stays within the runs; a speed-up's interval stays within
 * what the runs allow; the selection of pairwise differences is the sorted list's element.
 */
class StatisticsProperties {

  /** Run times from 1 ms to 100 s, with repeats (ties) and a heavy tail now and then. */
  @Provide
  Arbitrary<double[]> samples() {
    Arbitrary<Double> times = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.doubles().between(0.001, 2).ofScale(4)),
        net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(2, 100).ofScale(2)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(0.5, 1.0)));
    return times.list().ofMinSize(1).ofMaxSize(60)
        .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Provide
  Arbitrary<Confidence> levels() {
    return Arbitraries.of(new Confidence(0.8), new Confidence(0.9), Confidence.DEFAULT,
        new Confidence(0.99), new Confidence(0.999));
  }

  @Property(tries = 500)
  void theMediansIntervalHoldsTheMedianAndNeverLeavesTheRuns(
      @ForAll("samples") double[] sample, @ForAll("levels") Confidence level) {
    Stats s = Stats.of(sample, level);
    if (!s.hasInterval()) {
      assertTrue(sample.length < MedianInterval.runsNeeded(level), "only too few runs have none");
      return;
    }
    assertTrue(s.ciLow() <= s.median() && s.median() <= s.ciHigh(), s.toString());
    assertTrue(s.ciLow() >= s.min(), "never below the fastest run: " + s);
    assertTrue(s.ciHigh() <= s.max(), "never above the slowest run: " + s);
    assertTrue(contains(sample, s.ciLow()) && contains(sample, s.ciHigh()), "ends are runs");
  }

  @Property(tries = 300)
  void aSpeedupsIntervalStaysWithinWhatTheRunsAllow(@ForAll("samples") double[] x,
      @ForAll("samples") double[] y, @ForAll("levels") Confidence level) {
    Ratio r = Ratio.of(x, y, level);
    double lowest = min(y) / max(x);
    double highest = max(y) / min(x);
    assertTrue(r.estimate() >= lowest && r.estimate() <= highest, r.toString());
    if (r.judgeable()) {
      assertTrue(r.low() <= r.high(), r.toString());
      assertTrue(r.low() >= lowest * (1 - 1e-12) && r.high() <= highest * (1 + 1e-12),
          "within " + lowest + ".." + highest + ": " + r);
    } else {
      assertEquals(0, RankSumDistribution.criticalRank(x.length, y.length, level));
    }
    assertTrue(r.pValue() >= 0 && r.pValue() <= 1, r.toString());
    assertEquals(1 - Ratio.of(y, x, level).superiority(), r.superiority(), 1e-12,
        "swapping the samples mirrors the superiority");
  }

  @Property(tries = 200)
  void selectionIsTheSortedDifference(@ForAll("samples") double[] x,
      @ForAll("samples") double[] y) {
    double[] sx = x.clone();
    double[] sy = y.clone();
    Arrays.sort(sx);
    Arrays.sort(sy);
    double[] all = new double[sx.length * sy.length];
    int at = 0;
    for (double a : sx) {
      for (double b : sy) {
        all[at++] = b - a;
      }
    }
    Arrays.sort(all);
    PairwiseDifferences d = new PairwiseDifferences(sx, sy);
    for (long k : List.of(1L, (long) all.length, (all.length + 1L) / 2, Math.max(1, all.length / 7L))) {
      assertEquals(all[(int) k - 1], d.select(k), 0, "rank " + k);
    }
  }

  /** Big samples take the randomised path (over 4,096 candidates): still exact. */
  @Property(tries = 20)
  void selectionIsExactOnLargeSamplesToo(@ForAll("samples") double[] seedSample) {
    int n = 200 + seedSample.length;
    double[] x = new double[n];
    double[] y = new double[n + 31];
    for (int i = 0; i < x.length; i++) {
      x[i] = seedSample[i % seedSample.length] * (1 + i % 13 / 10.0);
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = seedSample[(i * 7) % seedSample.length] * (1 + i % 11 / 9.0);
    }
    Arrays.sort(x);
    Arrays.sort(y);
    double[] all = new double[x.length * y.length];
    int at = 0;
    for (double a : x) {
      for (double b : y) {
        all[at++] = b - a;
      }
    }
    Arrays.sort(all);
    PairwiseDifferences d = new PairwiseDifferences(x, y);
    for (int k : new int[] {1, 17, all.length / 3, all.length / 2, all.length - 5, all.length}) {
      assertEquals(all[k - 1], d.select(k), 0, "rank " + k);
    }
  }

  @Property(tries = 60)
  void theNullDistributionSumsToOneAndIsSymmetric(@ForAll("sizes") int n,
      @ForAll("sizes") int m) {
    assertEquals(1, RankSumDistribution.cumulative(n, m, n * m), 1e-12);
    for (int u = 0; u <= n * m; u++) {
      double below = RankSumDistribution.cumulative(n, m, u);
      double aboveMirror = 1 - RankSumDistribution.cumulative(n, m, n * m - u - 1);
      assertEquals(below, aboveMirror, 1e-9, n + "x" + m + " u=" + u);
    }
  }

  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.integers().between(1, 30);
  }

  private static boolean contains(double[] sample, double value) {
    return Arrays.stream(sample).anyMatch(v -> v == value);
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }
}
