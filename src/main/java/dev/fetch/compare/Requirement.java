package dev.fetch.compare;

import dev.fetch.compare.stats.Ratio;
import dev.fetch.log.Diagnostics;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A CI gate, {@code --require}: one combination against another, in one of the
 * {@link GateForm}s — {@code A >= 2x B}, {@code A faster than B}, {@code A not slower than B},
 * {@code A within 5% of B}. Judged on the distribution-free interval of A's speed-up over B and
 * on the Mann–Whitney test, never on a single noisy number; too few runs to judge is a failure.
 *
 * <p>{@link #parse} reads the text; {@link #resolve} ties its two sides to compared combinations,
 * which a {@link ComparePlan} does before any run so a typo is a usage error, not a late failure.
 * Immutable.
 */
public final class Requirement {
  private final String text;
  private final GateForm form;
  private final String aLabel;
  private final double parameter;
  private final String bLabel;
  private final Combination a;
  private final Combination b;

  private Requirement(String text, GateForm form, String aLabel, double parameter,
      String bLabel, Combination a, Combination b) {
    this.text = text;
    this.form = form;
    this.aLabel = aLabel;
    this.parameter = parameter;
    this.bLabel = bLabel;
    this.a = a;
    this.b = b;
  }

  /**
   * Reads a gate in any of its forms.
   *
   * @throws IllegalArgumentException saying which forms there are
   */
  public static Requirement parse(String text) {
    if (!Diagnostics.printable(text).equals(text)) {
      throw new IllegalArgumentException("'" + Diagnostics.printable(text) + "' has control "
          + "characters");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (GateForm form : GateForm.values()) {
      Matcher m = form.pattern().matcher(lower);
      if (m.matches()) {
        boolean numbered = form.hasParameter();
        double parameter = numbered ? Double.parseDouble(m.group(2)) : Double.NaN;
        if (numbered && !(parameter > 0 && (form != GateForm.WITHIN || parameter < 100))) {
          throw new IllegalArgumentException("'" + text.trim() + "': the number must be above 0"
              + (form == GateForm.WITHIN ? " and below 100%" : ""));
        }
        return new Requirement(text.trim(), form, m.group(1), parameter,
            m.group(numbered ? 3 : 2), null, null);
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a requirement; write 'A >= 2x B', "
        + "'A faster than B', 'A not slower than B' or 'A within 5% of B', A and B being MODE or "
        + "MODE:WORKERS");
  }

  /**
   * This requirement with A and B tied to two of {@code compared}.
   *
   * @throws IllegalArgumentException when A or B is none of them, or several (the message says
   *     which and lists the compared combinations), or both are the same
   */
  public Requirement resolve(List<Combination> compared) {
    Combination ra = Combination.parse(aLabel, compared);
    Combination rb = Combination.parse(bLabel, compared);
    if (ra.equals(rb)) {
      throw new IllegalArgumentException("both sides are " + ra.label());
    }
    return new Requirement(text, form, aLabel, parameter, bLabel, ra, rb);
  }

  /** The text as given, trimmed. */
  public String text() {
    return text;
  }

  public GateForm form() {
    return form;
  }

  /** A, the side judged: null until {@link #resolve resolved}. */
  public Combination a() {
    return a;
  }

  /** B, what A is judged against: null until {@link #resolve resolved}. */
  public Combination b() {
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
        .map(ComboResult::combination).toList());
    Ratio speedup = Ratio.of(comparison.result(resolved.a).times(),
        comparison.result(resolved.b).times(), comparison.confidence());
    for (Combination side : List.of(resolved.a, resolved.b)) {
      if (comparison.result(side).time().n() == 0) {
        return Verdict.of(text, false, speedup, "cannot be judged: " + side.label()
            + " has no usable run");
      }
    }
    return form.judge(text, speedup, parameter);
  }
}
