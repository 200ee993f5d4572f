package dev.fetch.compare;

/**
 * How many times faster one combination is than the reference: the ratio of mean times, with its
 * standard deviation propagated from both samples (as hyperfine does) and a 95% interval.
 *
 * @param ratio reference mean / this mean: above 1 is faster
 * @param high the interval's upper end: infinite when this combination's interval reaches 0
 */
public record Speedup(double ratio, double stddev, double low, double high) {

  /** The speed-up of {@code times} over {@code reference}; NaN when either has no run. */
  public static Speedup of(Stats reference, Stats times) {
    if (reference.n() == 0 || times.n() == 0) {
      return new Speedup(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double ratio = reference.mean() / times.mean();
    double relative = Math.hypot(reference.stddev() / reference.mean(),
        times.stddev() / times.mean());
    double stddev = ratio * relative;
    // The interval from each mean's own 95% interval: slowest reference over fastest other, ….
    double low = reference.ciLow() / times.ciHigh();
    double high = reference.ciHigh() / times.ciLow();
    return new Speedup(ratio, stddev, low, high);
  }
}
