package dev.fetch.compare;

import dev.fetch.compare.stats.Ratio;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms a {@code --require} gate takes, each judged on A's speed-up over B (a {@link Ratio}
 * of B's times over A's). A gate that cannot be judged — no usable runs, or too few for the
 * confidence level — fails, with that reason: a CI gate must not pass for lack of evidence.
 */
public enum GateForm {
  /** {@code A >= Nx B}: the whole interval of the speed-up is at least N. */
  AT_LEAST("(\\S+?)\\s*>=\\s*([0-9]+(?:\\.[0-9]+)?)\\s*x\\s*(\\S+)") {
    @Override
    boolean holds(Ratio speedup, double factor) {
      return speedup.low() >= factor;
    }

    @Override
    String explain(Ratio speedup, double factor, boolean holds) {
      return Ratios.speedup(speedup) + (holds ? ": at least " : ": below ")
          + Ratios.number(factor) + "x";
    }
  },
  /** {@code A faster than B}: a significant difference, A the faster. */
  FASTER("(\\S+)\\s+faster\\s+than\\s+(\\S+)") {
    @Override
    boolean holds(Ratio speedup, double unused) {
      return speedup.greater();
    }

    @Override
    String explain(Ratio speedup, double unused, boolean holds) {
      return Ratios.speedup(speedup) + "; " + Ratios.difference(speedup);
    }
  },
  /** {@code A not slower than B}: no significant slow-down (equal is fine). */
  NOT_SLOWER("(\\S+)\\s+not\\s+slower\\s+than\\s+(\\S+)") {
    @Override
    boolean holds(Ratio speedup, double unused) {
      return !speedup.less();
    }

    @Override
    String explain(Ratio speedup, double unused, boolean holds) {
      return Ratios.speedup(speedup) + "; " + Ratios.difference(speedup);
    }
  },
  /** {@code A within N% of B}: the whole interval of A's time over B's is within 1 ± N%. */
  WITHIN("(\\S+)\\s+within\\s+([0-9]+(?:\\.[0-9]+)?)\\s*%\\s*of\\s+(\\S+)") {
    @Override
    boolean holds(Ratio speedup, double percent) {
      return 1 / speedup.high() >= 1 - percent / 100 && 1 / speedup.low() <= 1 + percent / 100;
    }

    @Override
    String explain(Ratio speedup, double percent, boolean holds) {
      return String.format(Locale.ROOT, "time ratio %.3f, %s interval %.3f-%.3f: %s %s%% "
          + "(%.3f-%.3f)", 1 / speedup.estimate(), speedup.confidence().label(),
          1 / speedup.high(), 1 / speedup.low(), holds ? "within" : "not within",
          Ratios.number(percent), 1 - percent / 100, 1 + percent / 100);
    }
  };

  private final Pattern pattern;

  GateForm(String regex) {
    this.pattern = Pattern.compile("\\s*" + regex + "\\s*");
  }

  /** How the text of this form reads: A, then N when the form has one, then B. */
  Pattern pattern() {
    return pattern;
  }

  /** Whether the form takes a number (N in {@code >= Nx}, {@code within N%}). */
  boolean hasParameter() {
    return pattern.matcher("").groupCount() == 3;
  }

  /** Whether the gate holds on a judgeable speed-up. */
  abstract boolean holds(Ratio speedup, double parameter);

  /** The numbers behind a judgeable verdict, in words. */
  abstract String explain(Ratio speedup, double parameter, boolean holds);

  /** The verdict on {@code speedup}: a failure with the reason when it cannot be judged. */
  Verdict judge(String expr, Ratio speedup, double parameter) {
    if (!speedup.judgeable()) {
      return Verdict.of(expr, false, speedup, "cannot be judged: " + speedup.tooFew());
    }
    boolean holds = holds(speedup, parameter);
    return Verdict.of(expr, holds, speedup, explain(speedup, parameter, holds));
  }
}
