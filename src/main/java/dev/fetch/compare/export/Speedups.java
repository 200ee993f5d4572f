package dev.fetch.compare.export;

import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Combination;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Stats;
import dev.fetch.compare.stats.MedianInterval;
import dev.fetch.compare.stats.RankSumDistribution;
import dev.fetch.compare.stats.Ratio;
import java.util.Locale;

/**
 * Speed-ups and intervals in words and numbers, the same in every format: a difference that is
 * not significant is {@code ~} with its p-value, as benchstat prints it, and a sample too small
 * for the confidence asked says how many runs it needs instead of showing a number.
 */
final class Speedups {
  private Speedups() {}

  /**
   * A speed-up cell: {@code reference}, {@code 4.92x (4.85-4.97)}, {@code ~ (p=0.310)},
   * {@code needs 4 runs each}, or {@code -} when a side has no usable run.
   */
  static String compact(Comparison c, ComboResult r) {
    if (r.combination().equals(c.reference())) {
      return "reference";
    }
    Ratio s = r.speedup();
    if (s.n() == 0 || s.m() == 0) {
      return "-";
    }
    if (!s.judgeable()) {
      return "needs " + RankSumDistribution.runsNeeded(c.confidence()) + " runs each";
    }
    if (!s.significant()) {
      return String.format(Locale.ROOT, "~ (p=%.3f)", s.pValue());
    }
    return String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", s.estimate(), s.low(), s.high());
  }

  /**
   * The median's interval cell: {@code 0.465-0.473 s}, {@code needs 6 runs}, or {@code -}
   * without a usable run.
   */
  static String interval(Comparison c, Stats t, String unit) {
    if (t.n() == 0) {
      return "-";
    }
    if (!t.hasInterval()) {
      return "needs " + MedianInterval.runsNeeded(c.confidence()) + " runs";
    }
    return String.format(Locale.ROOT, "%.3f-%.3f%s", t.ciLow(), t.ciHigh(), unit);
  }

  /**
   * {@code threads:5 is 4.92 times faster than sequential:1 (95% interval 4.85-4.97; p=0.002,
   * 6 and 6 runs)}, or slower with the inverse ratio; {@code async:5 ~ sequential:1: no
   * significant difference (p=0.310, 6 and 6 runs)}; or why it cannot be judged. Null when a
   * side has no usable run.
   */
  static String sentence(ComboResult r, Combination reference) {
    Ratio s = r.speedup();
    String a = r.combination().label();
    if (s.n() == 0 || s.m() == 0) {
      return null;
    }
    if (!s.judgeable()) {
      return a + " vs " + reference.label() + ": cannot be judged: " + s.tooFew();
    }
    String runs = String.format(Locale.ROOT, "p=%.3f, %d and %d runs", s.pValue(), s.n(),
        s.m());
    if (!s.significant()) {
      return a + " ~ " + reference.label() + ": no significant difference (" + runs + ")";
    }
    boolean faster = s.greater();
    return String.format(Locale.ROOT, "%s is %.2f times %s than %s (%s interval %.2f-%.2f; %s)",
        a, faster ? s.estimate() : 1 / s.estimate(), faster ? "faster" : "slower",
        reference.label(), s.confidence().label(), faster ? s.low() : 1 / s.high(),
        faster ? s.high() : 1 / s.low(), runs);
  }

  /** {@code 2.000 s}, or {@code -} when there is no number. */
  static String seconds(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f s", value);
  }

  /** {@code value} with {@code decimals} decimals, or {@code -} when it is NaN or infinite. */
  static String number(double value, int decimals) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "-"
        : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
