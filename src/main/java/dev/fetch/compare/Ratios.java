package dev.fetch.compare;

import dev.fetch.compare.stats.Ratio;
import java.math.BigDecimal;
import java.util.Locale;

/** Ratios in words, the same in verdicts, tables and every export. */
public final class Ratios {
  private Ratios() {}

  /** {@code speed-up 4.92x, 95% interval 4.85-4.97x}. */
  public static String speedup(Ratio r) {
    return String.format(Locale.ROOT, "speed-up %.2fx, %s interval %.2f-%.2fx", r.estimate(),
        r.confidence().label(), r.low(), r.high());
  }

  /**
   * Whether the two samples differ, as benchstat says it: {@code faster with p=0.002 (6 and 6
   * runs)}, {@code slower with …}, or {@code no significant difference (p=0.310, 6 and 6 runs)};
   * for a ratio of y over x, faster means y's times are the larger (x is faster).
   */
  public static String difference(Ratio r) {
    String runs = ", " + r.n() + " and " + r.m() + " runs)";
    if (r.greater()) {
      return String.format(Locale.ROOT, "significantly faster (p=%.3f%s", r.pValue(), runs);
    }
    if (r.less()) {
      return String.format(Locale.ROOT, "significantly slower (p=%.3f%s", r.pValue(), runs);
    }
    return String.format(Locale.ROOT, "no significant difference (p=%.3f%s", r.pValue(), runs);
  }

  /** {@code 2}, {@code 2.5}: a factor or percentage as given, without trailing zeros. */
  public static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
