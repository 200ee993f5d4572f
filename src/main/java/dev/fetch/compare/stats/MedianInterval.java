package dev.fetch.compare.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * A distribution-free confidence interval of the median: two order statistics of the sample,
 * {@code x(k)} and {@code x(n+1-k)}, with {@code k} the largest rank such that the number of runs
 * below the true median, a Binomial(n, 1/2) count, falls short of {@code k} with probability under
 * {@code alpha / 2} (the interval's coverage is then {@code 1 - 2 P(B <= k - 1)}, at least the
 * level asked). It assumes nothing about the shape of the distribution, only independent runs, so
 * it suits run times, which are skewed and have outliers (benchstat's choice too).
 *
 * <p>Its ends are sample values: the interval never goes below the fastest run nor above the
 * slowest, and it always holds the sample median. With too few runs no {@code k} qualifies (even
 * {@code [min, max]} covers less than asked: 5 runs cover 93.75%), and {@link #of} says so rather
 * than return a number. Pure.
 */
public final class MedianInterval {
  private MedianInterval() {}

  /**
   * The interval of the median of {@code sorted} at {@code confidence}, as {@code {low, high}},
   * or null when the sample is too small for it ({@link #runsNeeded}).
   *
   * @param sorted the sample in ascending order, not modified
   */
  public static double[] of(double[] sorted, Confidence confidence) {
    int k = rank(sorted.length, confidence);
    if (k < 1) {
      return null;
    }
    return new double[] {sorted[k - 1], sorted[sorted.length - k]};
  }

  /**
   * The rank {@code k} of the interval's low end (1-based) for a sample of {@code n}, or 0 when
   * {@code n} is too small: the smallest {@code k} with {@code P(B <= k) >= alpha / 2}, B being
   * Binomial(n, 1/2) (the same rule as R's and SciPy's order-statistic intervals).
   */
  static int rank(int n, Confidence confidence) {
    if (n == 0) {
      return 0;
    }
    return BinomialDistribution.of(n, 0.5).inverseCumulativeProbability(confidence.alpha() / 2);
  }

  /** The fewest runs that give an interval at {@code confidence}: 6 at 95%. */
  public static int runsNeeded(Confidence confidence) {
    int n = 1;
    while (rank(n, confidence) < 1) {
      n++;
    }
    return n;
  }
}
