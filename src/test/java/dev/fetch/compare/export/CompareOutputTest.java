package dev.fetch.compare.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetch.compare.Benchmark;
import dev.fetch.compare.Combination;
import dev.fetch.compare.ComparePlan;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Environment;
import dev.fetch.compare.Requirement;
import dev.fetch.compare.RunRecord;
import dev.fetch.compare.Verdict;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.FakeRunExecutor;
import dev.fetch.trace.TraceExport;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code fetch compare}'s table and exports, to the letter, from a fake executor with scripted
 * times (as hyperfine tests its output). The numbers were checked outside fetch: the medians and
 * their intervals by hand (six runs at 95%: the fastest and the slowest), the speed-up
 * threads:4 over sequential:1 — every threads:4 run faster than every sequential:1 run, so the
 * exact two-sided Mann–Whitney p is 2 / C(12, 6) = 0.002 — and its interval from the 6th and 31st
 * of the 36 pairwise ratios (SciPy and an enumeration of the U distribution agree).
 */
class CompareOutputTest {
  private static final Combination SEQ = new Combination(Mode.SEQUENTIAL, 1);
  private static final Combination T4 = new Combination(Mode.THREADS, 4);
  private static final Combination T8 = new Combination(Mode.THREADS, 8);
  private static final Environment ENV = new Environment("0.1.0", 2, 1L << 30, "17.0.15 (Test)",
      "Linux test amd64", "2026-11-24T12:00:00Z");

  private static Comparison compare(FakeRunExecutor fake, List<Combination> combos,
      List<String> gates) throws InterruptedException {
    ComparePlan plan = ComparePlan.builder().list("list.txt", 8).combinations(combos).runs(6)
        .warmup(1).seed(42).require(gates).build();
    return new Benchmark(fake, ENV).run(plan, (run, total, soFar) -> { });
  }

  /**
   * Four of threads:8's six runs have two failed URLs each: two usable runs, too few for an
   * interval of the median or to judge a gate.
   */
  private static Comparison sample() throws InterruptedException {
    FakeRunExecutor fake = new FakeRunExecutor(8)
        .times(SEQ, 9.0, 2.0, 2.2, 1.8, 2.1, 1.9, 2.05)
        .times(T4, 9.0, 0.50, 0.55, 0.45, 0.52, 0.48, 0.51)
        .times(T8, 9.0, 0.30, 0.40, 0.35, 0.33, 0.37, 0.36)
        .failures(T8, 0, 2, 0, 2, 2, 0, 2);
    return compare(fake, List.of(SEQ, T4, T8), List.of("threads:4 >= 3x sequential",
        "threads:8 faster than threads:4"));
  }

  @Test
  void theTable() throws InterruptedException {
    assertEquals(String.join("\n",
        "Compared 3 combinations on list.txt (8 URLs): 6 runs each after 1 warm-up, interleaved"
            + " with seed 42; 95% intervals",
        "",
        "combination         median          95% CI             mean ± σ       min       max     "
            + "ideal    URLs/s     MB/s  failed  speed-up             per worker",
        "sequential:1       2.025 s   1.800-2.200 s    2.008 s ± 0.143 s   1.800 s   2.200 s   "
            + "2.025 s       4.0     0.00     0/6  reference            1.00",
        "threads:4          0.505 s   0.450-0.550 s    0.502 s ± 0.034 s   0.450 s   0.550 s   "
            + "0.505 s      15.8     0.02     0/6  4.01x (3.64-4.40)    1.00",
        "threads:8          0.385 s    needs 6 runs    0.385 s ± 0.021 s   0.370 s   0.400 s   "
            + "0.385 s      20.8     0.02     4/6  needs 4 runs each    0.66",
        "",
        "threads:4 is 4.01 times faster than sequential:1 (95% interval 3.64-4.40; p=0.002, 6 "
            + "and 6 runs)",
        "threads:8 vs sequential:1: cannot be judged: 2 and 6 runs are too few for a 95% "
            + "interval (4 of each needed)",
        "Best for threads: 8 workers (median 0.385 s)",
        "",
        "Warnings:",
        "  threads:8: 4 of 6 runs had failed URLs and are left out of the statistics",
        "  threads:8: 2 usable runs, too few for a 95% interval of the median (6 needed): use "
            + "--runs 6 or more",
        "  threads:8 and threads:4 cannot be told apart: 2 and 6 runs are too few for a 95% "
            + "interval (4 of each needed)",
        "",
        "PASS threads:4 >= 3x sequential: speed-up 4.01x, 95% interval 3.64-4.40x: at least 3x",
        "FAIL threads:8 faster than threads:4: cannot be judged: 2 and 6 runs are too few for a "
            + "95% interval (4 of each needed)",
        ""), CompareTable.render(sample()));
  }

  @Test
  void theMarkdownStartsWithTheVerdictsAndHasAChart() throws InterruptedException {
    assertEquals(String.join("\n",
        "## ❌ fetch compare: 1 of 2 checks failed",
        "",
        "| Check | Verdict | Speed-up or change | 95% interval | p | Reason |",
        "|:---|:---|---:|---:|---:|:---|",
        "| `threads:4 >= 3x sequential` | ✅ pass | 4.01× | 3.64–4.40× | 0.002 | speed-up 4.01x, "
            + "95% interval 3.64-4.40x: at least 3x |",
        "| `threads:8 faster than threads:4` | ❌ fail | 1.31× | - | 0.071 | cannot be judged: 2 "
            + "and 6 runs are too few for a 95% interval (4 of each needed) |",
        "",
        "8 URLs from `list.txt`, 6 runs each after 1 warm-up (seed 42), 95% intervals",
        "",
        "| Combination | Median [s] | 95% CI [s] | Mean ± σ [s] | Min [s] | Max [s] | URLs/s | "
            + "Failed runs | Speed-up |",
        "|:---|---:|---:|---:|---:|---:|---:|---:|---:|",
        "| `sequential:1` | 2.025 | 1.800-2.200 | 2.008 ± 0.143 | 1.800 | 2.200 | 4.0 | 0 | "
            + "reference |",
        "| `threads:4` | 0.505 | 0.450-0.550 | 0.502 ± 0.034 | 0.450 | 0.550 | 15.8 | 0 | 4.01× "
            + "(3.64-4.40) |",
        "| `threads:8` | 0.385 | needs 6 runs | 0.385 ± 0.021 | 0.370 | 0.400 | 20.8 | 4 | needs "
            + "4 runs each |",
        "",
        "```mermaid",
        "xychart-beta",
        "    title \"Median run time per combination\"",
        "    x-axis [\"sequential:1\", \"threads:4\", \"threads:8\"]",
        "    y-axis \"seconds\" 0 --> 2.3",
        "    bar [2.025, 0.505, 0.385]",
        "```",
        "",
        "> threads:8: 4 of 6 runs had failed URLs and are left out of the statistics",
        "> threads:8: 2 usable runs, too few for a 95% interval of the median (6 needed): use "
            + "--runs 6 or more",
        "> threads:8 and threads:4 cannot be told apart: 2 and 6 runs are too few for a 95% "
            + "interval (4 of each needed)",
        ""), MarkdownExport.render(sample()));
  }

  @Test
  void theCsv() throws InterruptedException {
    List<String> lines = List.of(CsvExport.render(sample()).split("\n"));
    assertEquals(String.join(",", CsvExport.COLUMNS), lines.get(0));
    assertEquals("threads:4,threads,4,6,0,0.505,0.45,0.55,0.501667,0.034303,0.45,0.55,0.505,"
        + "15.841584,0.015842,4.009901,3.636364,4.4,0.002165,1.002475", lines.get(2));
    assertEquals("sequential:1,sequential,1,6,0,2.025,1.8,2.2,2.008333,0.142887,1.8,2.2,2.025,"
        + "3.950617,0.003951,1,,,,1", lines.get(1), "the reference has no interval of its own");
    assertEquals(4, lines.size());
  }

  @Test
  void theJsonHoldsEveryRunAndTheVerdictsAndParsesBack() throws Exception {
    JsonNode json = new ObjectMapper().readTree(JsonExport.render(sample()));

    assertEquals(JsonExport.SCHEMA, json.get("schema").asText());
    assertEquals("list.txt", json.get("list").asText());
    assertEquals(42, json.get("seed").asLong());
    assertEquals(0.95, json.get("confidence").asDouble());
    assertEquals(2, json.get("environment").get("cores").asInt());
    assertEquals("sequential:1", json.get("reference").asText());
    assertFalse(json.get("passed").asBoolean(), "threads:8's gate cannot be judged");
    JsonNode gates = json.get("requirements");
    assertEquals(2, gates.size());
    assertEquals("threads:4 >= 3x sequential", gates.get(0).get("expr").asText());
    assertEquals("pass", gates.get(0).get("verdict").asText());
    assertEquals("fail", gates.get(1).get("verdict").asText());
    assertEquals(List.of("expr", "verdict", "estimate", "low", "high", "p_value", "reason"),
        fields(gates.get(0)));
    assertEquals(0, json.get("regressions").size());
    assertTrue(json.get("baseline").isNull());
    JsonNode t8 = json.get("results").get(2);
    assertEquals("threads:8", t8.get("combination").asText());
    assertEquals(8, t8.get("workers").asInt());
    assertEquals(7, t8.get("runs").size(), "warm-up included");
    assertEquals(8, t8.get("runs").get(6).get("urls").size(), "every URL of every run");
    assertEquals("http", t8.get("runs").get(6).get("urls").get(0).get("error_kind").asText());
    assertEquals(0.385, t8.get("time").get("median_s").asDouble(), 1e-9);
    assertTrue(t8.get("time").get("ci_low_s").isNull(), "two runs: no interval");
    assertEquals("needs 6 runs for a 95% interval of the median",
        t8.get("time").get("ci_note").asText());
    assertEquals(4, t8.get("failed_runs").asInt());
    JsonNode t4 = json.get("results").get(1).get("speedup");
    assertEquals(2.025 / 0.505, t4.get("ratio").asDouble(), 1e-9);
    assertEquals(2.0 / 924, t4.get("p_value").asDouble(), 1e-12);
    assertTrue(t4.get("significant").asBoolean());
  }

  @Test
  void theJunitReportHasATestCasePerGate() throws Exception {
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(JUnitExport.render(sample())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Element suites = xml.getDocumentElement();
    assertEquals("testsuites", suites.getTagName());
    assertEquals("2", suites.getAttribute("tests"));
    assertEquals("1", suites.getAttribute("failures"));
    NodeList cases = xml.getElementsByTagName("testcase");
    assertEquals(2, cases.getLength());
    Element first = (Element) cases.item(0);
    assertEquals("threads:4 >= 3x sequential", first.getAttribute("name"));
    assertEquals(0, first.getElementsByTagName("failure").getLength());
    Element second = (Element) cases.item(1);
    assertEquals(JUnitExport.REQUIRE, second.getAttribute("classname"));
    Element failure = (Element) second.getElementsByTagName("failure").item(0);
    assertTrue(failure.getAttribute("message").startsWith("cannot be judged: 2 and 6 runs are "
        + "too few"), failure.getAttribute("message"));
  }

  @Test
  void theTraceIsValidTraceEventJson() throws Exception {
    Comparison c = sample();
    RunRecord run = c.result(T4).runs().get(1);
    JsonNode trace = new ObjectMapper().readTree(TraceExport.render(
        List.of(new TraceExport.Track("threads:4", run.urls()))));

    JsonNode events = trace.get("traceEvents");
    int complete = 0;
    for (JsonNode e : events) {
      assertTrue(e.has("name") && e.has("ph") && e.has("pid") && e.has("tid"), e.toString());
      if (e.get("ph").asText().equals("X")) {
        complete++;
        assertTrue(e.get("ts").isIntegralNumber() && e.get("dur").asLong() >= 0, e.toString());
        assertTrue(e.get("tid").asInt() >= 1 && e.get("tid").asInt() <= 4, e.toString());
      } else {
        assertEquals("M", e.get("ph").asText());
      }
    }
    assertEquals(8, complete, "one complete event per URL");
    assertEquals(1 + 4, events.size() - complete, "a process name and four thread names");
  }

  @Test
  void requirementsAreJudgedOnTheIntervalAndTooFewRunsFail() throws InterruptedException {
    Comparison c = sample();

    Verdict holds = Requirement.parse("threads:4 >= 3x sequential").judge(c);
    assertTrue(holds.pass(), holds.toString());
    Verdict tooFew = Requirement.parse("threads:8 >= 2x sequential:1").judge(c);
    assertFalse(tooFew.pass(), "5.3x faster on the medians, but two runs cannot be judged");
    assertEquals("FAIL threads:8 >= 2x sequential:1: cannot be judged: 2 and 6 runs are too few "
        + "for a 95% interval (4 of each needed)", tooFew.toString());
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
