package dev.fetch.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code fetch demo} ends with: one row per mode, its time against the ideal time and
 * the speed-up over the first row. Pure.
 */
public final class DemoTable {
  private DemoTable() {}

  /** One mode's run and what the list allows at best with its worker count. */
  public record Row(RunSummary summary, Duration ideal) {}

  public static String format(List<Row> rows) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%-12s %7s %5s %6s %10s %10s %10s  %s%n", "mode",
        "workers", "URLs", "failed", "bytes", "elapsed", "ideal", "speed-up"));
    double reference = rows.isEmpty() ? 0 : seconds(rows.get(0).summary().elapsed());
    for (Row row : rows) {
      RunSummary s = row.summary();
      double elapsed = seconds(s.elapsed());
      text.append(String.format(Locale.ROOT, "%-12s %7d %5d %6d %10d %8.3f s %8.3f s  %.2fx%n",
          s.mode(), s.workers(), s.urls(), s.failed(), s.bytes(), elapsed,
          seconds(row.ideal()), elapsed > 0 ? reference / elapsed : 0));
    }
    return text.toString();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
