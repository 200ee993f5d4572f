package dev.fetch.merge;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fetch.compare.Baseline;
import dev.fetch.compare.Environment;
import dev.fetch.compare.Stats;
import dev.fetch.compare.stats.Confidence;
import dev.fetch.json.JsonObjects;
import dev.fetch.log.Diagnostics;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code fetch compare --export-json} files of several machines side by side: a column per
 * machine headed by its environment, a row per combination, each cell the statistics a
 * comparison computes ({@link Stats}: the median of the usable runs' times with its
 * distribution-free interval, at the same confidence), recomputed from each file's runs. Pure:
 * the files are read by {@link dev.fetch.compare.BaselineFile}; the methods return text.
 */
public final class SideBySide {
  private final List<Baseline> machines;
  private final Confidence confidence;
  private final List<String> combinations;

  /**
   * @throws IllegalArgumentException if the exports did not measure one list
   */
  public SideBySide(List<Baseline> machines, Confidence confidence) {
    if (machines.isEmpty()) {
      throw new IllegalArgumentException("no export");
    }
    Baseline first = machines.get(0);
    for (Baseline other : machines.subList(1, machines.size())) {
      if (!first.sameList(other.list(), other.urls(), other.listSha256())) {
        throw new IllegalArgumentException(other.file() + " measured another list than "
            + first.file() + " (" + other.list() + ", " + other.urls() + " URLs; "
            + first.list() + ", " + first.urls() + " URLs): side by side they would mislead");
      }
    }
    this.machines = List.copyOf(machines);
    this.confidence = confidence;
    Set<String> labels = new LinkedHashSet<>();
    machines.forEach(m -> labels.addAll(m.times().keySet()));
    this.combinations = List.copyOf(labels);
  }

  /** The table: environment rows, then a row per combination; {@code -} where not compared. */
  public String text() {
    List<List<String>> rows = new ArrayList<>();
    List<String> head = new ArrayList<>(List.of(""));
    machines.forEach(m -> head.add(m.file()));
    rows.add(head);
    rows.add(row("cores", m -> String.valueOf(m.environment().cores())));
    rows.add(row("java", m -> m.environment().java()));
    rows.add(row("os", m -> m.environment().os()));
    rows.add(row("fetch", m -> m.environment().fetchVersion()));
    rows.add(row("started", m -> m.environment().timestamp()));
    for (String label : combinations) {
      rows.add(row(label, m -> cell(stats(m, label))));
    }
    int[] widths = new int[head.size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    text.append(machines.size()).append(" machines, list ").append(machines.get(0).list())
        .append(" (").append(machines.get(0).urls()).append(" URLs): median time of the usable "
        + "runs, its ").append(confidence.label()).append(" interval, and n\n\n");
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        line.append(c == 0 ? "" : "  ").append(pad(row.get(c), widths[c]));
      }
      text.append(Diagnostics.printable(line.toString().stripTrailing())).append('\n');
    }
    return text.toString();
  }

  /** One JSON line per machine and combination compared there. */
  public String jsonLines() {
    StringBuilder text = new StringBuilder();
    for (Baseline m : machines) {
      for (String label : m.times().keySet()) {
        Stats s = stats(m, label);
        Environment e = m.environment();
        text.append(JsonObjects.write(json -> {
          json.writeStringField("type", "machine_result");
          json.writeStringField("file", m.file());
          json.writeStringField("fetch_version", e.fetchVersion());
          json.writeNumberField("cores", e.cores());
          json.writeStringField("java", e.java());
          json.writeStringField("os", e.os());
          json.writeStringField("started_at", e.timestamp());
          json.writeStringField("combination", label);
          json.writeNumberField("n", s.n());
          writeSeconds(json, "median_s", s.median());
          writeSeconds(json, "ci_low_s", s.ciLow());
          writeSeconds(json, "ci_high_s", s.ciHigh());
          writeSeconds(json, "min_s", s.min());
          writeSeconds(json, "max_s", s.max());
        })).append('\n');
      }
    }
    return text.toString();
  }

  /** The same rows as {@link #jsonLines}, as CSV with a header. */
  public String csv() {
    CsvSchema schema = CsvSchema.builder().addColumns(List.of("file", "fetch_version", "cores",
        "java", "os", "started_at", "combination", "n", "median_s", "ci_low_s", "ci_high_s",
        "min_s", "max_s"), CsvSchema.ColumnType.STRING).build().withHeader().withLineSeparator("\n");
    List<List<String>> rows = new ArrayList<>();
    for (Baseline m : machines) {
      for (String label : m.times().keySet()) {
        Stats s = stats(m, label);
        Environment e = m.environment();
        rows.add(List.of(m.file(), e.fetchVersion(), String.valueOf(e.cores()), e.java(), e.os(),
            e.timestamp(), label, String.valueOf(s.n()), seconds(s.median()),
            seconds(s.ciLow()), seconds(s.ciHigh()), seconds(s.min()), seconds(s.max())));
      }
    }
    try {
      return new CsvMapper().writer(schema).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Stats stats(Baseline machine, String label) {
    List<Double> times = machine.times().get(label);
    if (times == null) {
      return null;
    }
    return Stats.of(times.stream().mapToDouble(Double::doubleValue).toArray(), confidence);
  }

  private List<String> row(String name, java.util.function.Function<Baseline, String> cell) {
    List<String> row = new ArrayList<>(List.of(name));
    machines.forEach(m -> row.add(cell.apply(m)));
    return row;
  }

  /** {@code 0.412 s (0.398–0.431) n=10}, or {@code -} when not compared. */
  private static String cell(Stats s) {
    if (s == null) {
      return "-";
    }
    if (s.n() == 0) {
      return "no usable run";
    }
    String median = String.format(Locale.ROOT, "%.3f s", s.median());
    String interval = s.hasInterval()
        ? String.format(Locale.ROOT, " (%.3f–%.3f)", s.ciLow(), s.ciHigh()) : " (too few runs)";
    return median + interval + " n=" + s.n();
  }

  private static String seconds(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
  }

  private static void writeSeconds(com.fasterxml.jackson.core.JsonGenerator json, String name,
      double value) throws java.io.IOException {
    if (Double.isNaN(value)) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, new java.math.BigDecimal(seconds(value)));
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
