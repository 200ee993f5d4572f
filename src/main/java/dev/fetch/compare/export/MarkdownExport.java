package dev.fetch.compare.export;

import static dev.fetch.compare.export.Speedups.number;

import dev.fetch.compare.BaselineReport;
import dev.fetch.compare.BaselineRow;
import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Stats;
import dev.fetch.compare.Verdict;
import dev.fetch.log.Diagnostics;
import java.util.List;
import java.util.Locale;

/**
 * {@code --export-markdown}: for a pull request or {@code $GITHUB_STEP_SUMMARY}. The verdicts
 * come first — a heading that says whether every check passed and a table of them — then the
 * summary table, a Mermaid chart of the median times (GitHub draws it), the baseline comparison
 * and the warnings. Text from the data is escaped so it cannot break a table or add markup. Pure.
 */
public final class MarkdownExport {
  private MarkdownExport() {}

  public static String render(Comparison c) {
    StringBuilder text = new StringBuilder();
    verdicts(text, c);
    text.append(String.format(Locale.ROOT, "%d URLs from `%s`, %d runs each %s (seed %d), %s "
        + "intervals%n%n", c.urls(), escape(c.list()), c.runs(), c.warmup() == 0
            ? "without warm-up" : "after " + c.warmup() + " warm-up" + (c.warmup() == 1 ? ""
            : "s"), c.seed(), c.confidence().label()));
    if (c.warmupNote() != null) {
      text.append("> ").append(escape(c.warmupNote())).append("\n\n");
    }
    String ci = c.confidence().label() + " CI";
    text.append("| Combination | Median [s] | " + ci + " [s] | Mean ± σ [s] | Min [s] | Max [s] "
        + "| URLs/s | Failed runs | Speed-up |\n");
    text.append("|:---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ComboResult r : c.results()) {
      Stats t = r.time();
      text.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s ± %s | %s | %s | %s | %d | "
          + "%s |%n", r.combination().label(), plain(t.median()), Speedups.interval(c, t, ""),
          plain(t.mean()), plain(t.stddev()), plain(t.min()), plain(t.max()),
          number(r.urlsPerSecond(), 1), r.failedRuns(),
          Speedups.compact(c, r).replace("x (", "× (")));
    }
    String chart = MermaidChart.render(c);
    if (!chart.isEmpty()) {
      text.append('\n').append(chart);
    }
    if (c.baseline() != null) {
      baseline(text, c.baseline());
    }
    if (!c.warnings().isEmpty()) {
      text.append('\n');
      c.warnings().forEach(w -> text.append("> ").append(escape(w)).append('\n'));
    }
    return text.toString();
  }

  private static void verdicts(StringBuilder text, Comparison c) {
    List<Verdict> all = c.verdicts();
    if (all.isEmpty()) {
      text.append("## fetch compare\n\n");
      return;
    }
    long failed = all.stream().filter(v -> !v.pass()).count();
    text.append(failed == 0
        ? "## ✅ fetch compare: " + (all.size() == 1 ? "the check" : "all " + all.size()
            + " checks") + " passed\n\n"
        : "## ❌ fetch compare: " + failed + " of " + all.size() + " checks failed\n\n");
    text.append("| Check | Verdict | Speed-up or change | ").append(c.confidence().label())
        .append(" interval | p | Reason |\n|:---|:---|---:|---:|---:|:---|\n");
    for (Verdict v : c.requirements()) {
      row(text, v, times(v.estimate()), Double.isNaN(v.low()) ? "-"
          : number(v.low(), 2) + "–" + times(v.high()));
    }
    for (Verdict v : c.regressions()) {
      row(text, v, percent(v.estimate()), Double.isNaN(v.low()) ? "-"
          : percent(v.low()) + " to " + percent(v.high()));
    }
    text.append('\n');
  }

  /** A check's row: gates show the speed-up, baseline checks the change of time. */
  private static void row(StringBuilder text, Verdict v, String estimate, String interval) {
    text.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s |%n",
        escape(v.expr()), v.pass() ? "✅ pass" : "❌ fail", estimate, interval,
        number(v.pValue(), 3), escape(v.reason())));
  }

  /** A time ratio as a change: {@code +19.4%}. */
  private static String percent(double ratio) {
    return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
  }

  private static void baseline(StringBuilder text, BaselineReport b) {
    text.append(String.format(Locale.ROOT, "%n### Against the baseline `%s`%n%n",
        escape(b.baseline().file())));
    text.append("| Combination | Baseline median [s] | Median [s] | Change |\n")
        .append("|:---|---:|---:|:---|\n");
    for (BaselineRow row : b.rows()) {
      text.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s |%n",
          row.combination().label(), plain(row.before().median()),
          plain(row.after().median()), escape(Changes.describe(row))));
    }
    if (!b.differences().isEmpty()) {
      text.append('\n');
      b.differences().forEach(d -> text.append("> Differs: ").append(escape(d)).append('\n'));
    }
  }

  private static String times(double ratio) {
    return Double.isNaN(ratio) ? "-" : number(ratio, 2) + "×";
  }

  private static String plain(double seconds) {
    return number(seconds, 3);
  }

  /**
   * Keeps a list name, reason or warning from breaking the table or adding markup; control
   * characters are escaped as everywhere else.
   */
  static String escape(String text) {
    return Diagnostics.printable(text).replace("\\", "\\\\").replace("|", "\\|")
        .replace("`", "'").replace("<", "&lt;");
  }
}
