package dev.fetch.compare.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Stats;
import dev.fetch.compare.stats.Ratio;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --export-csv}: one row per combination, numbers in seconds and per second; a number
 * that does not exist (no usable run, too few runs for an interval, the reference's own
 * speed-up interval) is an empty cell. Pure.
 */
public final class CsvExport {
  static final List<String> COLUMNS = List.of("combination", "mode", "workers", "runs",
      "failed_runs", "median_s", "ci_low_s", "ci_high_s", "mean_s", "stddev_s", "min_s",
      "max_s", "ideal_s", "urls_per_s", "mb_per_s", "speedup", "speedup_ci_low",
      "speedup_ci_high", "speedup_p_value", "efficiency");

  private CsvExport() {}

  public static String render(Comparison c) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(new ArrayList<>(COLUMNS));
    for (ComboResult r : c.results()) {
      Stats t = r.time();
      boolean reference = r.combination().equals(c.reference());
      Ratio s = r.speedup();
      rows.add(List.of(r.combination().label(), r.combination().mode().toString(),
          r.combination().workers(), t.n(), r.failedRuns(), cell(t.median()), cell(t.ciLow()),
          cell(t.ciHigh()), cell(t.mean()), cell(t.stddev()), cell(t.min()), cell(t.max()),
          cell(r.idealSeconds()), cell(r.urlsPerSecond()), cell(r.megabytesPerSecond()),
          cell(s.estimate()), reference ? "" : cell(s.low()), reference ? "" : cell(s.high()),
          reference ? "" : cell(s.pValue()), cell(r.efficiency())));
    }
    StringBuilder text = new StringBuilder();
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\n");
    try {
      for (List<Object> row : rows) {
        text.append(mapper.writer(schema).writeValueAsString(row));
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** A number with up to 6 decimals, or an empty cell when there is none. */
  private static Object cell(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? ""
        : new BigDecimal(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
            .toPlainString();
  }
}
