package dev.fetch.compare.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fetch.compare.BaselineReport;
import dev.fetch.compare.BaselineRow;
import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Environment;
import dev.fetch.compare.RunRecord;
import dev.fetch.compare.Stats;
import dev.fetch.compare.Verdict;
import dev.fetch.compare.stats.MedianInterval;
import dev.fetch.compare.stats.Ratio;
import dev.fetch.trace.UrlRecord;
import java.io.UncheckedIOException;

/**
 * {@code --export-json}: the whole {@link Comparison} — the verdicts, the baseline comparison,
 * environment, statistics, speed-ups, warnings, every run with every URL's record — in the schema
 * {@value #SCHEMA}, documented field by field in {@code docs/compare-json.md}. Field names are
 * snake_case with their unit in the name ({@code _s}, {@code _ms}); a number that does not exist
 * (no usable run, too few runs for an interval) is {@code null}. The field order is fixed. Pure.
 */
public final class JsonExport {
  /** The schema's name and version; a change that breaks a reader gets a new version. */
  public static final String SCHEMA = "fetch-compare/2";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private JsonExport() {}

  public static String render(Comparison c) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("list", c.list());
    root.put("list_sha256", c.listSha256());
    root.put("urls", c.urls());
    root.put("list_bytes", c.bytes());
    root.put("runs", c.runs());
    root.put("warmup_runs", c.warmup());
    root.put("seed", c.seed());
    root.put("confidence", c.confidence().level());
    root.put("reference", c.reference().label());
    root.set("environment", environment(c.environment()));
    root.put("passed", c.passed());
    ArrayNode requirements = root.putArray("requirements");
    c.requirements().forEach(v -> requirements.add(verdict(MAPPER.createObjectNode(), v)));
    ArrayNode regressions = root.putArray("regressions");
    if (c.baseline() != null) {
      c.baseline().rows().stream().filter(row -> row.check() != null).forEach(row ->
          regressions.add(verdict(MAPPER.createObjectNode()
              .put("combination", row.combination().label()), row.check())));
    }
    if (c.baseline() == null) {
      root.putNull("baseline");
    } else {
      root.set("baseline", baseline(c.baseline()));
    }
    ArrayNode results = root.putArray("results");
    c.results().forEach(r -> results.add(result(c, r)));
    ArrayNode best = root.putArray("best_workers");
    c.bestWorkers().forEach(b -> best.add(b.label()));
    ArrayNode warnings = root.putArray("warnings");
    c.warnings().forEach(warnings::add);
    root.put("warmup_note", c.warmupNote());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode environment(Environment e) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("fetch_version", e.fetchVersion());
    node.put("cores", e.cores());
    node.put("max_heap_bytes", e.maxHeapBytes());
    node.put("java", e.java());
    node.put("os", e.os());
    node.put("started_at", e.timestamp());
    return node;
  }

  /** A verdict's fields, after those {@code node} has. */
  private static ObjectNode verdict(ObjectNode node, Verdict v) {
    node.put("expr", v.expr());
    node.put("verdict", v.pass() ? "pass" : "fail");
    number(node, "estimate", v.estimate());
    number(node, "low", v.low());
    number(node, "high", v.high());
    number(node, "p_value", v.pValue());
    node.put("reason", v.reason());
    return node;
  }

  private static ObjectNode baseline(BaselineReport b) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("file", b.baseline().file());
    node.put("schema", b.baseline().schema());
    node.put("list", b.baseline().list());
    node.put("list_sha256", b.baseline().listSha256());
    node.put("urls", b.baseline().urls());
    node.put("same_list", b.sameList());
    node.set("environment", environment(b.baseline().environment()));
    ArrayNode differences = node.putArray("differences");
    b.differences().forEach(differences::add);
    number(node, "max_regression", b.maxRegression());
    ArrayNode rows = node.putArray("results");
    for (BaselineRow row : b.rows()) {
      ObjectNode r = rows.addObject();
      r.put("combination", row.combination().label());
      r.put("in_baseline", row.inBaseline());
      r.put("baseline_n", row.before().n());
      number(r, "baseline_median_s", row.before().median());
      r.put("n", row.after().n());
      number(r, "median_s", row.after().median());
      ratio(r, row.change(), row.inBaseline() ? null : "not in the baseline");
    }
    return node;
  }

  private static ObjectNode result(Comparison c, ComboResult r) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("combination", r.combination().label());
    node.put("mode", r.combination().mode().toString());
    node.put("workers", r.combination().workers());
    node.put("measured_runs", r.measuredRuns());
    node.put("failed_runs", r.failedRuns());
    node.set("time", time(c, r.time()));
    number(node, "ideal_s", r.idealSeconds());
    number(node, "urls_per_s", r.urlsPerSecond());
    number(node, "mb_per_s", r.megabytesPerSecond());
    ObjectNode speedup = node.putObject("speedup");
    if (r.combination().equals(c.reference())) {
      speedup.put("ratio", 1.0);
      speedup.putNull("ci_low");
      speedup.putNull("ci_high");
      speedup.putNull("p_value");
      speedup.put("significant", false);
      speedup.put("note", "reference");
    } else {
      ratio(speedup, r.speedup(), null);
    }
    number(node, "efficiency", r.efficiency());
    ArrayNode runs = node.putArray("runs");
    r.runs().forEach(run -> runs.add(run(run)));
    return node;
  }

  /** {@code ratio}, {@code ci_low}, {@code ci_high}, {@code p_value}, {@code significant}, note. */
  private static void ratio(ObjectNode node, Ratio r, String note) {
    number(node, "ratio", r.estimate());
    number(node, "ci_low", r.low());
    number(node, "ci_high", r.high());
    number(node, "p_value", r.pValue());
    node.put("significant", r.significant());
    node.put("note", note != null ? note : r.tooFew());
  }

  private static ObjectNode time(Comparison c, Stats t) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("n", t.n());
    number(node, "median_s", t.median());
    number(node, "ci_low_s", t.ciLow());
    number(node, "ci_high_s", t.ciHigh());
    node.put("ci_note", t.n() == 0 || t.hasInterval() ? null : "needs "
        + MedianInterval.runsNeeded(c.confidence()) + " runs for a " + c.confidence().label()
        + " interval of the median");
    number(node, "mean_s", t.mean());
    number(node, "stddev_s", t.stddev());
    number(node, "min_s", t.min());
    number(node, "max_s", t.max());
    node.put("outliers", t.outliers());
    return node;
  }

  private static ObjectNode run(RunRecord run) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("sequence", run.sequence());
    node.put("warmup", run.warmup());
    number(node, "time_s", run.seconds());
    node.put("succeeded", run.succeeded());
    node.put("failed", run.failed());
    node.put("bytes", run.bytes());
    ArrayNode urls = node.putArray("urls");
    run.urls().forEach(u -> urls.add(url(u)));
    return node;
  }

  private static ObjectNode url(UrlRecord u) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("index", u.index());
    node.put("url", u.url());
    node.put("worker", u.worker());
    node.put("status", u.status());
    node.put("bytes", u.bytes());
    number(node, "start_ms", u.startMs());
    number(node, "end_ms", u.endMs());
    node.put("attempts", u.attempts());
    node.put("error_kind", u.errorKind());
    return node;
  }

  /** A number, or null when it does not exist (NaN) or is unbounded (infinite). */
  private static void number(ObjectNode node, String field, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
