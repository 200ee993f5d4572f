package dev.fetch.compare.stats;

import java.math.BigDecimal;

/**
 * The confidence level of every interval and test of a comparison, e.g. 0.95: intervals cover
 * the true value with at least this probability, and a difference is significant when its
 * Mann–Whitney p-value is below {@link #alpha()}. Immutable.
 *
 * @param level between {@value #MIN} and {@value #MAX}
 */
public record Confidence(double level) {
  public static final double MIN = 0.5;
  public static final double MAX = 0.999;
  /** The default, as benchstat's. */
  public static final Confidence DEFAULT = new Confidence(0.95);

  public Confidence {
    if (!(level >= MIN && level <= MAX)) {
      throw new IllegalArgumentException("a confidence level must be between " + MIN + " and "
          + MAX + ", not " + level);
    }
  }

  /**
   * Reads {@code 0.95} or {@code 95%}.
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  public static Confidence parse(String text) {
    String t = text.trim();
    double value;
    try {
      value = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
          : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!(value >= MIN && value <= MAX)) {
      throw new IllegalArgumentException("'" + text + "' is not a confidence level between 50% "
          + "and 99.9% (write 0.95 or 95%)");
    }
    return new Confidence(value);
  }

  /** The significance level, 1 - level: a p-value below it is significant. */
  public double alpha() {
    return 1 - level;
  }

  /** {@code 95%}, {@code 99.9%}. */
  public String label() {
    return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
