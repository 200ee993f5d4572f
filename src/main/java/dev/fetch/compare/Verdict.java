package dev.fetch.compare;

import dev.fetch.compare.stats.Ratio;

/**
 * The outcome of one check — a {@code --require} gate, or a combination against its baseline
 * under {@code --max-regression} — as every export shows it.
 *
 * @param expr what was checked, e.g. {@code threads:5 >= 2x sequential}
 * @param pass whether it held; a check that could not be judged (too few runs) did not
 * @param estimate the ratio it was judged on: for a gate A's speed-up over B (above 1: A is
 *     faster), for a baseline check today's median time over the baseline's (above 1: slower);
 *     NaN when there were no usable runs
 * @param low the low end of that ratio's interval; NaN when there is none
 * @param high its high end; NaN likewise
 * @param pValue the Mann–Whitney p-value of the two samples; NaN when there is none
 * @param reason in words, e.g. {@code speed-up 4.92x, 95% interval 4.85-4.97x: at least 2x}
 */
public record Verdict(String expr, boolean pass, double estimate, double low, double high,
    double pValue, String reason) {

  /** A verdict on {@code ratio}. */
  public static Verdict of(String expr, boolean pass, Ratio ratio, String reason) {
    return new Verdict(expr, pass, ratio.estimate(), ratio.low(), ratio.high(), ratio.pValue(),
        reason);
  }

  /** {@code PASS expr: reason} or {@code FAIL expr: reason}. */
  @Override
  public String toString() {
    return (pass ? "PASS " : "FAIL ") + expr + ": " + reason;
  }
}
