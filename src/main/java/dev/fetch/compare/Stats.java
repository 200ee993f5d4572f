package dev.fetch.compare;

import dev.fetch.compare.stats.Confidence;
import dev.fetch.compare.stats.MedianInterval;
import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * Summary statistics of a sample of run times, in seconds (commons-statistics does the
 * arithmetic). The centre is the median, with a distribution-free interval
 * ({@link MedianInterval}); the mean and standard deviation are kept for readers used to
 * hyperfine, but nothing is judged on them.
 *
 * @param n the sample size (0: no usable run; every number is then NaN)
 * @param stddev the sample standard deviation (n - 1); 0 for a single run
 * @param ciLow the low end of the confidence interval of the median, a run's time; NaN when
 *     the sample is too small for the level ({@link MedianInterval#runsNeeded})
 * @param ciHigh its high end; NaN likewise
 * @param outliers how many runs lie outside Tukey's fences (1.5 × IQR beyond the quartiles); 0
 *     under 4 runs
 */
public record Stats(
    int n, double mean, double stddev, double median, double min, double max, double ciLow,
    double ciHigh, int outliers) {

  public static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
      Double.NaN, Double.NaN, Double.NaN, 0);

  /** The statistics of {@code sample} (not modified), with intervals at {@code confidence}. */
  public static Stats of(double[] sample, Confidence confidence) {
    int n = sample.length;
    if (n == 0) {
      return EMPTY;
    }
    double[] sorted = sample.clone();
    Arrays.sort(sorted);
    double mean = Mean.of(sorted).getAsDouble();
    double stddev = n > 1 ? StandardDeviation.of(sorted).getAsDouble() : 0;
    double[] interval = MedianInterval.of(sorted, confidence);
    // withCopy: the median must not reorder the sorted sample read below.
    double median = Median.withDefaults().withCopy(true).evaluate(sorted);
    return new Stats(n, mean, stddev, median, sorted[0], sorted[n - 1],
        interval == null ? Double.NaN : interval[0],
        interval == null ? Double.NaN : interval[1], outliers(sorted));
  }

  /** Whether there is an interval of the median. */
  public boolean hasInterval() {
    return !Double.isNaN(ciLow);
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
}
