package dev.fetch.compare;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Summary statistics of a sample of run times, in seconds (commons-statistics does the
 * arithmetic).
 *
 * @param n the sample size (0: no usable run)
 * @param stddev the sample standard deviation (n - 1); 0 for a single run
 * @param ciLow the lower end of the 95% confidence interval of the mean (Student's t), never
 *     below 0: a time cannot be negative
 * @param outliers how many runs lie outside Tukey's fences (1.5 × IQR beyond the quartiles)
 */
public record Stats(
    int n, double mean, double stddev, double median, double min, double max, double ciLow,
    double ciHigh, int outliers) {

  public static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
      Double.NaN, Double.NaN, Double.NaN, 0);

  public static Stats of(double[] sample) {
    int n = sample.length;
    if (n == 0) {
      return EMPTY;
    }
    double mean = Mean.of(sample).getAsDouble();
    double stddev = n > 1 ? StandardDeviation.of(sample).getAsDouble() : 0;
    double half = n > 1
        ? TDistribution.of(n - 1).inverseSurvivalProbability(0.025) * stddev / Math.sqrt(n) : 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : sample) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return new Stats(n, mean, stddev, Median.withDefaults().evaluate(sample), min, max,
        Math.max(0, mean - half), mean + half, outliers(sample));
  }

  private static int outliers(double[] sample) {
    if (sample.length < 4) {
      return 0;
    }
    double[] quartiles = Quantile.withDefaults().evaluate(sample, 0.25, 0.75);
    double fence = 1.5 * (quartiles[1] - quartiles[0]);
    int count = 0;
    for (double x : sample) {
      if (x < quartiles[0] - fence || x > quartiles[1] + fence) {
        count++;
      }
    }
    return count;
  }

  /** Whether the confidence intervals of the two means overlap: the two cannot be told apart. */
  public boolean overlaps(Stats other) {
    return n > 1 && other.n > 1 && ciLow <= other.ciHigh && other.ciLow <= ciHigh;
  }
}
