package dev.fetch.compare.export;

import static dev.fetch.compare.export.Speedups.number;
import static dev.fetch.compare.export.Speedups.seconds;

import dev.fetch.compare.BaselineReport;
import dev.fetch.compare.BaselineRow;
import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Combination;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Stats;
import dev.fetch.compare.Verdict;
import java.util.Locale;

/**
 * The text {@code fetch compare} prints: a header, one row per combination, the speed-ups in
 * words, the best worker counts, the baseline comparison, the warnings, and last the verdict of
 * every check ({@code PASS …} / {@code FAIL …}), where a CI log's reader looks. Pure.
 */
public final class CompareTable {
  private static final String ROW =
      "%-16s %9s %15s %20s %9s %9s %9s %9s %8s %7s  %-20s %s%n";
  private static final String BASELINE_ROW = "%-16s %9s %9s  %s%n";

  private CompareTable() {}

  public static String render(Comparison c) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "Compared %d combinations on %s (%d URLs): %d runs "
        + "each %s, interleaved with seed %d; %s intervals%n", c.results().size(), c.list(),
        c.urls(), c.runs(), c.warmup() == 0 ? "without warm-up" : "after " + c.warmup()
            + " warm-up" + (c.warmup() == 1 ? "" : "s"), c.seed(), c.confidence().label()));
    if (c.warmupNote() != null) {
      text.append(c.warmupNote()).append('\n');
    }
    text.append('\n');
    text.append(String.format(Locale.ROOT, ROW, "combination", "median",
        c.confidence().label() + " CI", "mean ± σ", "min", "max", "ideal", "URLs/s", "MB/s",
        "failed", "speed-up", "per worker"));
    for (ComboResult r : c.results()) {
      Stats t = r.time();
      text.append(String.format(Locale.ROOT, ROW, r.combination().label(), seconds(t.median()),
          Speedups.interval(c, t, " s"), seconds(t.mean()) + " ± " + seconds(t.stddev()),
          seconds(t.min()), seconds(t.max()), seconds(r.idealSeconds()),
          number(r.urlsPerSecond(), 1), number(r.megabytesPerSecond(), 2),
          r.failedRuns() + "/" + r.measuredRuns(), Speedups.compact(c, r),
          number(r.efficiency(), 2)));
    }
    text.append('\n');
    for (ComboResult r : c.results()) {
      String sentence = r.combination().equals(c.reference()) ? null
          : Speedups.sentence(r, c.reference());
      if (sentence != null) {
        text.append(sentence).append('\n');
      }
    }
    for (Combination best : c.bestWorkers()) {
      text.append(String.format(Locale.ROOT, "Best for %s: %d workers (median %s)%n",
          best.mode(), best.workers(), seconds(c.result(best).time().median())));
    }
    if (c.baseline() != null) {
      baseline(text, c.baseline());
    }
    if (!c.warnings().isEmpty()) {
      text.append("\nWarnings:\n");
      c.warnings().forEach(w -> text.append("  ").append(w).append('\n'));
    }
    if (!c.verdicts().isEmpty()) {
      text.append('\n');
      for (Verdict v : c.verdicts()) {
        text.append(v).append('\n');
      }
    }
    return text.toString();
  }

  private static void baseline(StringBuilder text, BaselineReport b) {
    text.append(String.format(Locale.ROOT, "%nAgainst the baseline %s (%s, started %s):%n",
        b.baseline().file(), b.baseline().schema(), b.baseline().environment().timestamp()));
    text.append(String.format(Locale.ROOT, BASELINE_ROW, "combination", "baseline", "now",
        "change"));
    for (BaselineRow row : b.rows()) {
      text.append(String.format(Locale.ROOT, BASELINE_ROW, row.combination().label(),
          seconds(row.before().median()), seconds(row.after().median()), Changes.describe(row)));
    }
    for (String difference : b.differences()) {
      text.append("Differs: ").append(difference).append('\n');
    }
  }
}
