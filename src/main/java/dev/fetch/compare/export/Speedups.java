package dev.fetch.compare.export;

import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Combination;
import dev.fetch.compare.Speedup;
import java.util.Locale;

/** Speed-ups in words and numbers, the same in every format. */
final class Speedups {
  private Speedups() {}

  /** {@code 4.78 ± 0.10x}, or {@code -} when there is nothing to compare. */
  static String compact(Speedup s) {
    return Double.isNaN(s.ratio()) ? "-"
        : String.format(Locale.ROOT, "%.2f ± %.2fx", s.ratio(), s.stddev());
  }

  /**
   * {@code threads:5 is 4.78 ± 0.10 times faster than sequential:1 (95% interval 4.60-4.95)}, or
   * slower, with the inverse ratio.
   */
  static String sentence(ComboResult r, Combination reference) {
    Speedup s = r.speedup();
    boolean faster = s.ratio() >= 1;
    double ratio = faster ? s.ratio() : 1 / s.ratio();
    double stddev = faster ? s.stddev() : s.stddev() / (s.ratio() * s.ratio());
    double low = faster ? s.low() : 1 / s.high();
    double high = faster ? s.high() : 1 / s.low();
    return String.format(Locale.ROOT, "%s is %.2f ± %.2f times %s than %s (95%% interval "
        + "%s-%s)", r.combination().label(), ratio, stddev, faster ? "faster" : "slower",
        reference.label(), bound(low), bound(high));
  }

  /** A bound of an interval: {@code inf} when a too-small sample leaves it open. */
  static String bound(double value) {
    return Double.isInfinite(value) ? "inf" : String.format(Locale.ROOT, "%.2f", value);
  }
}
