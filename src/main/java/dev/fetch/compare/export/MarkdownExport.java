package dev.fetch.compare.export;

import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Stats;
import java.util.Locale;

/** {@code --export-markdown}: a table for a pull request or {@code $GITHUB_STEP_SUMMARY}. Pure. */
public final class MarkdownExport {
  private MarkdownExport() {}

  public static String render(Comparison c) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%d URLs from `%s`, %d runs each after %d warm-up%s "
        + "(seed %d)%n%n", c.urls(), escape(c.list()), c.runs(), c.warmup(),
        c.warmup() == 1 ? "" : "s", c.seed()));
    text.append("| Combination | Median [s] | Mean ± σ [s] | Min [s] | Max [s] | URLs/s | Failed "
        + "runs | Speed-up |\n");
    text.append("|:---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ComboResult r : c.results()) {
      Stats t = r.time();
      text.append(String.format(Locale.ROOT, "| `%s` | %s | %s ± %s | %s | %s | %s | %d | %s |%n",
          r.combination().label(), plain(t.median()), plain(t.mean()), plain(t.stddev()),
          plain(t.min()), plain(t.max()), CompareTable.number(r.urlsPerSecond(), 1),
          r.failedRuns(), r.combination().equals(c.reference()) ? "reference"
              : Speedups.compact(r.speedup()).replace("x", "×")));
    }
    if (!c.warnings().isEmpty()) {
      text.append('\n');
      c.warnings().forEach(w -> text.append("> ").append(escape(w)).append('\n'));
    }
    return text.toString();
  }

  private static String plain(double seconds) {
    return CompareTable.number(seconds, 3);
  }

  /** Keeps a list name or warning from breaking the table or adding markup. */
  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replace("<", "&lt;")
        .replace("\n", " ");
  }
}
