package dev.fetch.compare.export;

import dev.fetch.trace.TraceExport;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.fetch.strategy.Mode;
import dev.fetch.testing.FakeRunExecutor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code fetch compare}'s table and exports, to the letter, from a fake executor with scripted
 * times (as hyperfine tests its output).
 */
class CompareOutputTest {
  private static final Combination SEQ = new Combination(Mode.SEQUENTIAL, 1);
  private static final Combination T4 = new Combination(Mode.THREADS, 4);
  private static final Combination T8 = new Combination(Mode.THREADS, 8);
  private static final Environment ENV = new Environment("0.1.0", 2, 1L << 30, "17.0.15 (Test)",
      "Linux test amd64", "2026-11-24T12:00:00Z");

  private static Comparison compare(FakeRunExecutor fake, List<Combination> combos)
      throws InterruptedException {
    ComparePlan plan = ComparePlan.builder().list("list.txt", 8).combinations(combos).runs(3)
        .warmup(1).seed(42).build();
    return new Benchmark(fake, ENV).run(plan, (run, total, soFar) -> { });
  }

  private static Comparison sample() throws InterruptedException {
    FakeRunExecutor fake = new FakeRunExecutor(8)
        .times(SEQ, 9.0, 2.0, 2.2, 1.8)
        .times(T4, 9.0, 0.50, 0.55, 0.45)
        .times(T8, 9.0, 0.30, 0.40, 0.35)
        .failures(T8, 0, 0, 0, 2);
    return compare(fake, List.of(SEQ, T4, T8));
  }

  @Test
  void theTable() throws InterruptedException {
    assertEquals(String.join("\n",
        "Compared 3 combinations on list.txt (8 URLs): 3 runs each after 1 warm-up, interleaved"
            + " with seed 42",
        "",
        "combination         median             mean ± σ       min       max     ideal    URLs/s"
            + "     MB/s  failed speed-up           per worker",
        "sequential:1       2.000 s    2.000 s ± 0.200 s   1.800 s   2.200 s   2.000 s       4.0"
            + "     0.00     0/3 reference          1.00",
        "threads:4          0.500 s    0.500 s ± 0.050 s   0.450 s   0.550 s   0.500 s      16.0"
            + "     0.02     0/3 4.00 ± 0.57x       1.00",
        "threads:8          0.350 s    0.350 s ± 0.071 s   0.300 s   0.400 s   0.350 s      22.9"
            + "     0.02     1/3 5.71 ± 1.29x       0.71",
        "",
        "threads:4 is 4.00 ± 0.57 times faster than sequential:1 (95% interval 2.41-6.64)",
        "threads:8 is 5.71 ± 1.29 times faster than sequential:1 (95% interval 1.53-inf)",
        "Best for threads: 8 workers (median 0.350 s)",
        "",
        "Warnings:",
        "  threads:8: 1 of 3 runs had failed URLs and are left out of the statistics",
        "  threads:8 and threads:4 cannot be told apart: their 95% intervals overlap "
            + "(0.000-0.985 s, 0.376-0.624 s); more --runs may separate them",
        ""), CompareTable.render(sample()));
  }

  @Test
  void theMarkdown() throws InterruptedException {
    assertEquals(String.join("\n",
        "8 URLs from `list.txt`, 3 runs each after 1 warm-up (seed 42)",
        "",
        "| Combination | Median [s] | Mean ± σ [s] | Min [s] | Max [s] | URLs/s | Failed runs |"
            + " Speed-up |",
        "|:---|---:|---:|---:|---:|---:|---:|---:|",
        "| `sequential:1` | 2.000 | 2.000 ± 0.200 | 1.800 | 2.200 | 4.0 | 0 | reference |",
        "| `threads:4` | 0.500 | 0.500 ± 0.050 | 0.450 | 0.550 | 16.0 | 0 | 4.00 ± 0.57× |",
        "| `threads:8` | 0.350 | 0.350 ± 0.071 | 0.300 | 0.400 | 22.9 | 1 | 5.71 ± 1.29× |",
        "",
        "> threads:8: 1 of 3 runs had failed URLs and are left out of the statistics",
        "> threads:8 and threads:4 cannot be told apart: their 95% intervals overlap "
            + "(0.000-0.985 s, 0.376-0.624 s); more --runs may separate them",
        ""), MarkdownExport.render(sample()));
  }

  @Test
  void theCsv() throws InterruptedException {
    List<String> lines = List.of(CsvExport.render(sample()).split("\n"));
    assertEquals(String.join(",", CsvExport.COLUMNS), lines.get(0));
    assertEquals("sequential:1,sequential,1,3,0,2,2,0.2,1.8,2.2,1.503172,2.496828,2,4,0.004,1,"
        + "0.141421,1", lines.get(1));
    assertEquals(4, lines.size());
  }

  @Test
  void theJsonHoldsEveryRunAndParsesBack() throws Exception {
    JsonNode json = new ObjectMapper().readTree(JsonExport.render(sample()));

    assertEquals(JsonExport.SCHEMA, json.get("schema").asText());
    assertEquals("list.txt", json.get("list").asText());
    assertEquals(42, json.get("seed").asLong());
    assertEquals(2, json.get("environment").get("cores").asInt());
    assertEquals("sequential:1", json.get("reference").asText());
    JsonNode t8 = json.get("results").get(2);
    assertEquals("threads:8", t8.get("combination").asText());
    assertEquals(8, t8.get("workers").asInt());
    assertEquals(4, t8.get("runs").size(), "warm-up included");
    assertEquals(8, t8.get("runs").get(3).get("urls").size(), "every URL of every run");
    assertEquals("http", t8.get("runs").get(3).get("urls").get(0).get("error_kind").asText());
    assertEquals(0.35, t8.get("time").get("median_s").asDouble(), 1e-9);
    assertTrue(t8.get("speedup").get("ci95_high").isNull(), "an open interval is null");
    assertEquals(1, t8.get("failed_runs").asInt());
    assertEquals(2, json.get("warnings").size());
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
  void requirementsAreJudgedOnTheInterval() throws InterruptedException {
    Comparison c = sample();

    Requirement.Verdict holds = Requirement.parse("threads:4 >= 2x sequential").judge(c);
    assertTrue(holds.holds(), holds.toString());
    assertEquals("PASS threads:4 >= 2x sequential: 4.00x faster, 95% interval 2.41-6.64x",
        holds.toString());

    Requirement.Verdict tooNoisy = Requirement.parse("threads:8 >= 2x sequential:1").judge(c);
    assertEquals(false, tooNoisy.holds(), "5.7x on average, but the interval starts at 1.53");
    assertEquals("FAIL threads:8 >= 2x sequential:1: 5.71x faster, 95% interval 1.53-infx",
        tooNoisy.toString());
  }
}
