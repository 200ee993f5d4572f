package dev.fetch.compare;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A CI gate, {@code --require "threads:5 >= 2x sequential"}: one combination must be at least
 * {@code factor} times faster than another. Judged on the 95% interval of the speed-up, not on a
 * single noisy number: it holds only when even the interval's low end reaches the factor.
 *
 * <p>{@link #parse} reads the text; {@link #resolve} ties its two sides to compared combinations,
 * which a {@link ComparePlan} does before any run so a typo is a usage error, not a late failure.
 * Immutable.
 */
public final class Requirement {
  private static final Pattern FORMAT =
      Pattern.compile("\\s*(\\S+)\\s*>=\\s*([0-9]+(?:\\.[0-9]+)?)\\s*x\\s*(\\S+)\\s*");

  private final String text;
  private final String faster;
  private final double factor;
  private final String slower;
  private final Combination a;
  private final Combination b;

  private Requirement(String text, String faster, double factor, String slower, Combination a,
      Combination b) {
    this.text = text;
    this.faster = faster;
    this.factor = factor;
    this.slower = slower;
    this.a = a;
    this.b = b;
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
    return new Requirement(text.trim(), m.group(1), Double.parseDouble(m.group(2)), m.group(3),
        null, null);
  }

  /**
   * This requirement with A and B tied to two of {@code compared}.
   *
   * @throws IllegalArgumentException when A or B is none of them, or several (the message says
   *     which side and lists the compared combinations)
   */
  public Requirement resolve(List<Combination> compared) {
    return new Requirement(text, faster, factor, slower, Combination.parse(faster, compared),
        Combination.parse(slower, compared));
  }

  /** The text as given, trimmed. */
  public String text() {
    return text;
  }

  /** A, which must be the faster: null until {@link #resolve resolved}. */
  public Combination faster() {
    return a;
  }

  /** B, the slower: null until {@link #resolve resolved}. */
  public Combination slower() {
    return b;
  }

  /**
   * The verdict on {@code comparison}; an unresolved requirement is resolved against its
   * combinations first.
   *
   * @throws IllegalArgumentException when A or B was not compared
   */
  public Verdict judge(Comparison comparison) {
    Requirement resolved = a != null ? this : resolve(comparison.results().stream()
        .map(ComboResult::combination).collect(Collectors.toList()));
    Combination a = resolved.a;
    Combination b = resolved.b;
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
