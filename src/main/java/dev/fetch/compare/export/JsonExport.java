package dev.fetch.compare.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Environment;
import dev.fetch.compare.RunRecord;
import dev.fetch.compare.Speedup;
import dev.fetch.compare.Stats;
import dev.fetch.trace.UrlRecord;
import java.io.UncheckedIOException;

/**
 * {@code --export-json}: the whole {@link Comparison} — environment, statistics, speed-ups,
 * warnings, every run with every URL's record — in the schema {@value #SCHEMA}, documented field
 * by field in {@code docs/compare-json.md}. Field names are snake_case with their unit in the name
 * ({@code _s}, {@code _ms}); a number that does not exist (no usable run, an open interval) is
 * {@code null}. The field order is fixed. Pure.
 */
public final class JsonExport {
  /** The schema's name and version; a change that breaks a reader gets a new version. */
  public static final String SCHEMA = "fetch-compare/1";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private JsonExport() {}

  public static String render(Comparison c) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("list", c.list());
    root.put("urls", c.urls());
    root.put("list_bytes", c.bytes());
    root.put("runs", c.runs());
    root.put("warmup_runs", c.warmup());
    root.put("seed", c.seed());
    root.put("reference", c.reference().label());
    root.set("environment", environment(c.environment()));
    ArrayNode results = root.putArray("results");
    c.results().forEach(r -> results.add(result(r)));
    ArrayNode best = root.putArray("best_workers");
    c.bestWorkers().forEach(b -> best.add(b.label()));
    ArrayNode warnings = root.putArray("warnings");
    c.warnings().forEach(warnings::add);
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

  private static ObjectNode result(ComboResult r) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("combination", r.combination().label());
    node.put("mode", r.combination().mode().toString());
    node.put("workers", r.combination().workers());
    node.put("measured_runs", r.runs().stream().filter(run -> !run.warmup()).count());
    node.put("failed_runs", r.failedRuns());
    node.set("time", time(r.time()));
    number(node, "ideal_s", r.idealSeconds());
    number(node, "urls_per_s", r.urlsPerSecond());
    number(node, "mb_per_s", r.megabytesPerSecond());
    node.set("speedup", speedup(r.speedup()));
    number(node, "efficiency", r.efficiency());
    ArrayNode runs = node.putArray("runs");
    r.runs().forEach(run -> runs.add(run(run)));
    return node;
  }

  private static ObjectNode time(Stats t) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("n", t.n());
    number(node, "mean_s", t.mean());
    number(node, "stddev_s", t.stddev());
    number(node, "median_s", t.median());
    number(node, "min_s", t.min());
    number(node, "max_s", t.max());
    number(node, "ci95_low_s", t.ciLow());
    number(node, "ci95_high_s", t.ciHigh());
    node.put("outliers", t.outliers());
    return node;
  }

  private static ObjectNode speedup(Speedup s) {
    ObjectNode node = MAPPER.createObjectNode();
    number(node, "ratio", s.ratio());
    number(node, "stddev", s.stddev());
    number(node, "ci95_low", s.low());
    number(node, "ci95_high", s.high());
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
