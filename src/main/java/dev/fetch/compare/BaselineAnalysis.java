package dev.fetch.compare;

import dev.fetch.compare.stats.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Compares every combination with its own baseline, as {@code benchstat old new} does: the
 * change of the median time with its interval and Mann–Whitney p-value, and under
 * {@code --max-regression} a verdict per combination. A combination fails when it got
 * significantly slower by more than allowed (the ratio of medians over 1 + the allowance), or
 * when there are too few runs, on either side, to judge. Pure.
 */
final class BaselineAnalysis {
  private BaselineAnalysis() {}

  static BaselineReport of(ComparePlan plan, Environment now, List<ComboResult> results) {
    Baseline old = plan.baseline();
    boolean sameList = old.sameList(plan.list(), plan.urls(), plan.listSha256());
    List<BaselineRow> rows = new ArrayList<>();
    for (ComboResult r : results) {
      double[] before = old.timesOf(r.combination());
      boolean in = before != null;
      Ratio change = Ratio.of(in ? before : new double[0], r.times(), plan.confidence());
      Verdict check = in && !Double.isNaN(plan.maxRegression())
          ? check(r.combination(), change, plan.maxRegression()) : null;
      rows.add(new BaselineRow(r.combination(), in,
          in ? Stats.of(before, plan.confidence()) : Stats.EMPTY, r.time(), change, check));
    }
    return new BaselineReport(old, sameList, differences(plan, now, sameList), rows,
        plan.maxRegression());
  }

  private static Verdict check(Combination c, Ratio change, double allowed) {
    String expr = c.label() + " at most " + Ratios.number(allowed * 100)
        + "% slower than the baseline";
    if (change.n() == 0 || change.m() == 0) {
      return Verdict.of(expr, false, change, "cannot be judged: no usable run of it "
          + (change.n() == 0 ? "in the baseline" : "now"));
    }
    if (!change.judgeable()) {
      return Verdict.of(expr, false, change, "cannot be judged: " + change.tooFew());
    }
    boolean regressed = change.greater() && change.estimate() - 1 > allowed;
    String limit = "the " + Ratios.number(allowed * 100) + "% allowed";
    return Verdict.of(expr, !regressed, change, describe(change)
        + (change.greater() ? (regressed ? ": more than " : ": within ") + limit : ""));
  }

  /**
   * {@code 20.1% slower (95% interval +18.0% to +22.3%, p=0.002, 6 and 6 runs)}, or
   * {@code no significant change (p=0.420, 6 and 6 runs)}.
   */
  static String describe(Ratio change) {
    if (!change.significant()) {
      return String.format(Locale.ROOT, "no significant change (p=%.3f, %d and %d runs)",
          change.pValue(), change.n(), change.m());
    }
    double percent = (change.estimate() - 1) * 100;
    return String.format(Locale.ROOT, "%.1f%% %s (%s interval %+.1f%% to %+.1f%%, p=%.3f, %d "
        + "and %d runs)", Math.abs(percent), change.greater() ? "slower" : "faster",
        change.confidence().label(), (change.low() - 1) * 100, (change.high() - 1) * 100,
        change.pValue(), change.n(), change.m());
  }

  private static List<String> differences(ComparePlan plan, Environment now, boolean sameList) {
    Baseline old = plan.baseline();
    Environment then = old.environment();
    List<String> differences = new ArrayList<>();
    if (!sameList) {
      differences.add(String.format(Locale.ROOT, "list: %s (%d URLs) then, %s (%d URLs) now; "
          + "compared anyway (--allow-different-list)", old.list(), old.urls(), plan.list(),
          plan.urls()));
    }
    differ(differences, "cores", then.cores(), now.cores());
    differ(differences, "Java", then.java(), now.java());
    differ(differences, "OS", then.os(), now.os());
    differ(differences, "fetch", then.fetchVersion(), now.fetchVersion());
    List<String> gone = new ArrayList<>();
    for (String label : old.times().keySet()) {
      if (plan.combinations().stream().noneMatch(c -> c.label().equals(label))) {
        gone.add(label);
      }
    }
    if (!gone.isEmpty()) {
      differences.add("the baseline also has " + String.join(", ", gone) + ", not compared now");
    }
    return differences;
  }

  private static void differ(List<String> differences, String what, Object then, Object now) {
    if (!Objects.equals(then, now)) {
      differences.add(what + ": " + then + " then, " + now + " now");
    }
  }
}
