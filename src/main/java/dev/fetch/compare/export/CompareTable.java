package dev.fetch.compare.export;

import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Combination;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Stats;
import java.util.Locale;

/**
 * The text {@code fetch compare} prints: a header, one row per combination, the speed-ups in
 * words, the best worker counts and the warnings. Pure.
 */
public final class CompareTable {
  private static final String ROW = "%-16s %9s %20s %9s %9s %9s %9s %8s %7s %-18s %s%n";

  private CompareTable() {}

  public static String render(Comparison c) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "Compared %d combinations on %s (%d URLs): %d runs "
        + "each after %d warm-up%s, interleaved with seed %d%n%n", c.results().size(), c.list(),
        c.urls(), c.runs(), c.warmup(), c.warmup() == 1 ? "" : "s", c.seed()));
    text.append(String.format(Locale.ROOT, ROW, "combination", "median", "mean ± σ", "min",
        "max", "ideal", "URLs/s", "MB/s", "failed", "speed-up", "per worker"));
    for (ComboResult r : c.results()) {
      Stats t = r.time();
      text.append(String.format(Locale.ROOT, ROW, r.combination().label(), seconds(t.median()),
          seconds(t.mean()) + " ± " + seconds(t.stddev()), seconds(t.min()), seconds(t.max()),
          seconds(r.idealSeconds()), number(r.urlsPerSecond(), 1),
          number(r.megabytesPerSecond(), 2), r.failedRuns() + "/" + measured(r),
          speedup(c, r), number(r.efficiency(), 2)));
    }
    text.append('\n');
    for (ComboResult r : c.results()) {
      if (!r.combination().equals(c.reference()) && !Double.isNaN(r.speedup().ratio())) {
        text.append(Speedups.sentence(r, c.reference())).append('\n');
      }
    }
    for (Combination best : c.bestWorkers()) {
      text.append(String.format(Locale.ROOT, "Best for %s: %d workers (median %s)%n",
          best.mode(), best.workers(), seconds(c.result(best).time().median())));
    }
    if (!c.warnings().isEmpty()) {
      text.append("\nWarnings:\n");
      c.warnings().forEach(w -> text.append("  ").append(w).append('\n'));
    }
    return text.toString();
  }

  private static long measured(ComboResult r) {
    return r.runs().stream().filter(run -> !run.warmup()).count();
  }

  private static String speedup(Comparison c, ComboResult r) {
    if (r.combination().equals(c.reference())) {
      return "reference";
    }
    return Speedups.compact(r.speedup());
  }

  static String seconds(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f s", value);
  }

  static String number(double value, int decimals) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "-"
        : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
