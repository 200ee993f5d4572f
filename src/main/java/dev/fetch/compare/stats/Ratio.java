package dev.fetch.compare.stats;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * How two samples of run times compare, as benchstat compares them: the ratio of their medians
 * ({@code median(y) / median(x)}), a distribution-free interval of that ratio, and the two-sided
 * Mann–Whitney U test of whether they differ at all. A speed-up of A over B is the ratio with
 * {@code x} = A's times and {@code y} = B's; a change against a baseline has {@code x} = the
 * baseline's and {@code y} = today's.
 *
 * <p>The interval is the Hodges–Lehmann one on log times: the differences
 * {@code log y[j] - log x[i]} of every pair, and between the two order statistics
 * {@link RankSumDistribution#criticalRank} names, exponentiated. It needs no normality and its
 * ends are ratios of two actual runs, so it never leaves {@code [min y / max x, max y / min x]}.
 * It is an interval of the typical ratio, so in a skewed sample it may not be centred on the ratio
 * of medians. When the samples are too small for the level (fewer than 4 runs each at 95%: even
 * complete separation would not be significant), there is no interval and the test cannot succeed:
 * {@link #judgeable()} is false and {@link #tooFew()} says what is needed.
 *
 * @param estimate {@code median(y) / median(x)}; NaN when a sample is empty
 * @param low the interval's low end; NaN when not judgeable
 * @param high the interval's high end; NaN when not judgeable
 * @param pValue the two-sided Mann–Whitney p-value (exact for samples under 50 without ties,
 *     else the normal approximation with continuity and tie corrections, as commons-statistics
 *     computes it); NaN when a sample is empty
 * @param n how many in {@code x}
 * @param m how many in {@code y}
 * @param superiority the share of pairs in which y is the larger (ties count half): above 1/2, y
 *     tends to be larger; NaN when a sample is empty
 */
public record Ratio(double estimate, double low, double high, double pValue, int n, int m,
    double superiority, Confidence confidence) {

  /** Compares {@code y} with {@code x}; neither is modified. Times must be positive. */
  public static Ratio of(double[] x, double[] y, Confidence confidence) {
    int n = x.length;
    int m = y.length;
    if (n == 0 || m == 0) {
      return new Ratio(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, m, Double.NaN,
          confidence);
    }
    double[] sx = x.clone();
    double[] sy = y.clone();
    Arrays.sort(sx);
    Arrays.sort(sy);
    // withCopy: the median must not reorder the sorted samples the rest of this reads.
    Median median = Median.withDefaults().withCopy(true);
    double estimate = median.evaluate(sy) / median.evaluate(sx);
    double p = MannWhitneyUTest.withDefaults().test(sx, sy).getPValue();
    if (Double.isNaN(p)) {
      p = 1; // every value tied: no evidence of any difference
    }
    double low = Double.NaN;
    double high = Double.NaN;
    int k = RankSumDistribution.criticalRank(n, m, confidence);
    if (k >= 1 && sx[0] > 0 && sy[0] > 0) {
      PairwiseDifferences logs = new PairwiseDifferences(log(sx), log(sy));
      low = Math.exp(logs.select(k));
      high = Math.exp(logs.select(logs.size() + 1 - k));
    }
    return new Ratio(estimate, low, high, p, n, m, superiority(sx, sy), confidence);
  }

  /** Whether the samples are big enough to judge at this level: there is an interval. */
  public boolean judgeable() {
    return !Double.isNaN(low);
  }

  /** Whether the samples differ at this level: judgeable and {@code p < alpha}. */
  public boolean significant() {
    return judgeable() && pValue < confidence.alpha();
  }

  /** Whether y is significantly larger than x (slower, for times). */
  public boolean greater() {
    return significant() && superiority > 0.5;
  }

  /** Whether y is significantly smaller than x (faster, for times). */
  public boolean less() {
    return significant() && superiority < 0.5;
  }

  /**
   * Why the samples cannot be judged, e.g. {@code 3 and 3 runs are too few for a 95% interval
   * (4 of each needed)}, or null when they can.
   */
  public String tooFew() {
    if (judgeable()) {
      return null;
    }
    if (n == 0 || m == 0) {
      return "no usable run to compare";
    }
    return n + " and " + m + " runs are too few for a " + confidence.label() + " interval ("
        + RankSumDistribution.runsNeeded(confidence) + " of each needed)";
  }

  private static double[] log(double[] sorted) {
    double[] logs = new double[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      logs[i] = Math.log(sorted[i]);
    }
    return logs;
  }

  /** The share of pairs with y above x, ties half, by one merge-like walk of the sorted pairs. */
  private static double superiority(double[] sx, double[] sy) {
    double count = 0;
    int below = 0;
    int through = 0;
    for (double v : sy) {
      while (below < sx.length && sx[below] < v) {
        below++;
      }
      while (through < sx.length && sx[through] <= v) {
        through++;
      }
      count += below + (through - below) / 2.0;
    }
    return count / ((double) sx.length * sy.length);
  }
}
