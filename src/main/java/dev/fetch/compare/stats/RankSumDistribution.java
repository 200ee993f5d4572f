package dev.fetch.compare.stats;

import org.apache.commons.numbers.combinatorics.BinomialCoefficientDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The null distribution of the Mann–Whitney statistic U for samples of {@code n} and {@code m}
 * without ties, and the critical rank of the distribution-free interval built on it.
 *
 * <p>When both samples are smaller than {@value #EXACT_BELOW} the distribution is exact: the
 * number of orderings of the {@code n + m} values with {@code U = u} is the coefficient of
 * {@code q^u} in the Gaussian binomial coefficient {@code [n+m choose n]_q}, the product over
 * {@code i = 1..n} of {@code (1 - q^(m+i)) / (1 - q^i)}, expanded here term by term. The value at
 * {@code u} depends only on values below it, so the small tail probabilities that matter keep
 * their precision. Larger samples use the normal approximation with a continuity correction (as
 * R's {@code wilcox.test} and commons-statistics do). Pure.
 */
public final class RankSumDistribution {
  /** Samples both smaller than this get exact probabilities (as R's default). */
  public static final int EXACT_BELOW = 50;

  private RankSumDistribution() {}

  /**
   * How many of the {@code C(n+m, n)} equally likely orderings give each value of U:
   * element {@code u} for {@code U = u}, {@code 0 <= u <= n m}.
   */
  static double[] counts(int n, int m) {
    int size = n * m + 1;
    double[] poly = new double[size];
    poly[0] = 1;
    int degree = 0;
    for (int i = 1; i <= n; i++) {
      int grow = m + i;
      // Multiply by (1 - q^(m+i)): from the top down, so each term uses the old lower ones.
      int top = Math.min(size - 1, degree + grow);
      for (int u = top; u >= grow; u--) {
        poly[u] -= poly[u - grow];
      }
      // Divide by (1 - q^i): p'[u] = p[u] + p'[u - i], from the bottom up.
      for (int u = i; u <= top; u++) {
        poly[u] += poly[u - i];
      }
      degree += m;
      // Exactly zero above the new degree; rounding may have left dust there.
      for (int u = degree + 1; u <= top; u++) {
        poly[u] = 0;
      }
    }
    return poly;
  }

  /**
   * The exact {@code P(U <= u)} for samples of {@code n} and {@code m} without ties.
   *
   * @throws IllegalArgumentException when a sample is empty
   */
  public static double cumulative(int n, int m, int u) {
    if (n < 1 || m < 1) {
      throw new IllegalArgumentException("both samples need a value");
    }
    if (u < 0) {
      return 0;
    }
    double[] counts = counts(n, m);
    double sum = 0;
    for (int i = 0; i <= Math.min(u, counts.length - 1); i++) {
      sum += counts[i];
    }
    return Math.min(1, sum / BinomialCoefficientDouble.value(n + m, n));
  }

  /**
   * The rank {@code k} (1-based) of the interval's ends among the {@code n m} sorted pairwise
   * differences, {@code [d(k), d(nm + 1 - k)]}: the smallest {@code k} with
   * {@code P(U <= k) >= alpha / 2}, as R's {@code qwilcox}; its coverage is
   * {@code 1 - 2 P(U <= k - 1)}, at least the level. 0 when the samples are too small for any
   * interval at that level: then even complete separation of the two samples would not be
   * significant.
   */
  public static int criticalRank(int n, int m, Confidence confidence) {
    if (n < 1 || m < 1) {
      return 0;
    }
    double half = confidence.alpha() / 2;
    if (n < EXACT_BELOW && m < EXACT_BELOW) {
      double[] counts = counts(n, m);
      double total = BinomialCoefficientDouble.value(n + m, n);
      double sum = 0;
      for (int u = 0; u < counts.length; u++) {
        sum += counts[u];
        if (sum / total >= half) {
          return u;
        }
      }
      return counts.length - 1;
    }
    double mean = (double) n * m / 2;
    double sd = Math.sqrt((double) n * m * (n + m + 1) / 12);
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(half);
    return (int) Math.max(0, Math.ceil(mean - z * sd - 0.5));
  }

  /**
   * The fewest runs in each of two equal samples for which {@link #criticalRank} is at least 1 at
   * {@code confidence}: 4 at 95%.
   */
  public static int runsNeeded(Confidence confidence) {
    int k = 1;
    while (criticalRank(k, k, confidence) < 1) {
      k++;
    }
    return k;
  }
}
