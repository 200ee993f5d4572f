package dev.fetch.compare;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CI gate, {@code --require "threads:5 >= 2x sequential"}: one combination must be at least
 * {@code factor} times faster than another. Judged on the 95% interval of the speed-up, not on a
 * single noisy number: it holds only when even the interval's low end reaches the factor.
 */
public final class Requirement {
  private static final Pattern FORMAT =
      Pattern.compile("\\s*(\\S+)\\s*>=\\s*([0-9]+(?:\\.[0-9]+)?)\\s*x\\s*(\\S+)\\s*");

  private final String text;
  private final String faster;
  private final double factor;
  private final String slower;

  private Requirement(String text, String faster, double factor, String slower) {
    this.text = text;
    this.faster = faster;
    this.factor = factor;
    this.slower = slower;
  }

  /**
   * Reads {@code A >= Nx B}.
   *
   * @throws IllegalArgumentException saying what the form is
   */
  public static Requirement parse(String text) {
    Matcher m = FORMAT.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a requirement; write it like "
          + "\"threads:5 >= 2x sequential\" (A at least N times faster than B)");
    }
    return new Requirement(text.trim(), m.group(1), Double.parseDouble(m.group(2)), m.group(3));
  }

  /** The verdict on {@code comparison}. */
  public Verdict judge(Comparison comparison) {
    Iterable<Combination> compared = () -> comparison.results().stream()
        .map(ComboResult::combination).iterator();
    Combination a = Combination.parse(faster, compared);
    Combination b = Combination.parse(slower, compared);
    Speedup speedup = Speedup.of(comparison.result(b).time(), comparison.result(a).time());
    boolean holds = speedup.low() >= factor;
    String detail = Double.isNaN(speedup.ratio())
        ? "no usable runs to judge"
        : String.format(Locale.ROOT, "%.2fx faster, 95%% interval %.2f-%sx", speedup.ratio(),
            speedup.low(), Double.isInfinite(speedup.high()) ? "inf"
                : String.format(Locale.ROOT, "%.2f", speedup.high()));
    return new Verdict(text, holds, detail);
  }

  /** A requirement's outcome, for the report. */
  public record Verdict(String requirement, boolean holds, String detail) {
    @Override
    public String toString() {
      return (holds ? "PASS " : "FAIL ") + requirement + ": " + detail;
    }
  }
}
