package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetch.server.SiteLists;
import dev.fetch.server.SiteServer;
import dev.fetch.compare.Combination;
import dev.fetch.compare.RunExecutor;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.FakeRunExecutor;
import dev.fetch.testing.ManualInterrupts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fetch compare} through the command line: end to end against the local test site, and
 * with a {@link FakeRunExecutor} where the output depends on times.
 */
class CompareCommandTest {
  private static final Combination SEQ = new Combination(Mode.SEQUENTIAL, 1);
  private static final Combination T8 = new Combination(Mode.THREADS, 8);
  private static SiteServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    server = SiteServer.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Eight pages, 40 ms late each: sequential about 0.33 s, eight threads about 0.04 s. */
  private Path list() throws IOException {
    return Files.writeString(dir.resolve("list.txt"),
        SiteLists.pages(server.baseUrl(), 8, 1000, 40));
  }

  /**
   * Runs {@code fetch compare} on the real command line with {@code fake} in place of the real
   * executor: scripted times, so the output can be checked to the letter.
   */
  private static Cli.Result compareWith(RunExecutor fake, String... args) {
    return compareWith(fake, Interrupts.none(), args);
  }

  private static Cli.Result compareWith(RunExecutor fake, Interrupts interrupts,
      String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "compare";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.runWith(cli -> ((CompareCommand) cli.getSubcommands().get("compare").getCommand())
        .executors = (inputs, stdinBytes) -> fake, interrupts, InputStream.nullInputStream(), all);
  }

  private static FakeRunExecutor scripted() {
    return new FakeRunExecutor(8)
        .times(SEQ, 9.0, 2.0, 2.2, 1.8, 2.1, 1.9, 2.05)
        .times(T8, 9.0, 0.30, 0.35, 0.40, 0.33, 0.37, 0.36);
  }

  /**
   * The numbers, checked outside fetch: medians 2.025 s and 0.355 s, each run's interval from
   * its fastest to its slowest run (six runs at 95%); every threads:8 run faster than every
   * sequential:1 run, so p = 2 / C(12, 6) = 0.002; the speed-up's interval is the 6th and 31st
   * of the 36 pairwise ratios, 5.12 and 6.36.
   */
  @Test
  void aRequirementThatHoldsExitsZeroAndOneThatFailsExitsThree() throws IOException {
    FakeRunExecutor fake = scripted();
    Cli.Result holds = compareWith(fake, list().toString(), "--modes", "sequential,threads",
        "-w", "8", "--runs", "6", "--warmup", "1", "--seed", "1", "-q",
        "--require", "threads:8 >= 2x sequential");

    assertEquals(ExitCodes.OK, holds.exitCode(), holds.toString());
    assertEquals(String.join("\n",
        "Compared 2 combinations on " + list() + " (8 URLs): 6 runs each after 1 warm-up, "
            + "interleaved with seed 1; 95% intervals",
        "",
        "combination         median          95% CI             mean ± σ       min       max     "
            + "ideal    URLs/s     MB/s  failed  speed-up             per worker",
        "sequential:1       2.025 s   1.800-2.200 s    2.008 s ± 0.143 s   1.800 s   2.200 s   "
            + "2.025 s       4.0     0.00     0/6  reference            1.00",
        "threads:8          0.355 s   0.300-0.400 s    0.352 s ± 0.034 s   0.300 s   0.400 s   "
            + "0.355 s      22.5     0.02     0/6  5.70x (5.12-6.36)    0.71",
        "",
        "threads:8 is 5.70 times faster than sequential:1 (95% interval 5.12-6.36; p=0.002, 6 "
            + "and 6 runs)",
        "",
        "PASS threads:8 >= 2x sequential: speed-up 5.70x, 95% interval 5.12-6.36x: at least 2x",
        ""), holds.out());
    assertEquals("", holds.err());
    assertEquals(14, fake.ran().size(), "a warm-up and six runs of each");

    Cli.Result fails = compareWith(scripted(), list().toString(), "--modes",
        "sequential,threads", "-w", "8", "--runs", "6", "--warmup", "1", "--seed", "1", "-q",
        "--require", "threads >= 1000x sequential");
    assertEquals(ExitCodes.REQUIREMENT_FAILED, fails.exitCode(), fails.toString());
    assertTrue(fails.out().endsWith("\nFAIL threads >= 1000x sequential: speed-up 5.70x, 95% "
        + "interval 5.12-6.36x: below 1000x\n"), fails.out());
  }

  /** The complaint: a gate passed on a single run. Now it fails, saying why. */
  @Test
  void aGateOnASingleRunFailsAsNotJudged() throws IOException {
    Cli.Result result = compareWith(new FakeRunExecutor(8).times(SEQ, 2.0).times(T8, 0.3),
        list().toString(), "--modes", "sequential,threads", "-w", "8", "--runs", "1",
        "--warmup", "0", "--seed", "1", "-q", "--require", "threads:8 >= 2x sequential");

    assertEquals(ExitCodes.REQUIREMENT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.out().endsWith("\nFAIL threads:8 >= 2x sequential: cannot be judged: 1 "
        + "and 1 runs are too few for a 95% interval (4 of each needed)\n"), result.out());
    assertTrue(result.out().contains("No warm-up (--warmup 0): the first run of each "
        + "combination is measured cold"), "the warm-up choice is named: " + result.out());
  }

  private static FakeRunExecutor recorded(double threadsFactor) {
    FakeRunExecutor fake = new FakeRunExecutor(8).times(SEQ, 9.0, 2.0, 2.2, 1.8, 2.1, 1.9, 2.05);
    double[] threads = {0.30, 0.35, 0.40, 0.33, 0.37, 0.34};
    double[] scaled = new double[threads.length + 1];
    scaled[0] = 9.0;
    for (int i = 0; i < threads.length; i++) {
      scaled[i + 1] = threads[i] * threadsFactor;
    }
    return fake.times(T8, scaled);
  }

  /**
   * Two recorded exports, the second with threads:8 20% slower: against the first as its
   * baseline, --max-regression 10% fails (exit 3) on threads:8 alone, in the text, the JSON and
   * the JUnit report; 25% lets it pass. (Old times 0.30-0.40 s, new 0.36-0.48 s: U = 3 of 36
   * pairs, p = 14 / 924 = 0.015.)
   */
  @Test
  void aCombinationTwentyPercentSlowerThanItsBaselineFailsTheRegressionCheck()
      throws IOException {
    Path old = dir.resolve("old.json");
    String[] common = {list().toString(), "--modes", "sequential,threads", "-w", "8", "--runs",
        "6", "--warmup", "1", "--seed", "1", "-q"};
    Cli.Result first = compareWith(recorded(1.0), concat(common, "--export-json",
        old.toString()));
    assertEquals(ExitCodes.OK, first.exitCode(), first.toString());

    Path now = dir.resolve("now.json");
    Path junit = dir.resolve("now.xml");
    Cli.Result second = compareWith(recorded(1.2), concat(common, "--baseline", old.toString(),
        "--max-regression", "10%", "--export-json", now.toString(), "--export-junit",
        junit.toString()));

    assertEquals(ExitCodes.REQUIREMENT_FAILED, second.exitCode(), second.toString());
    assertTrue(second.out().contains("threads:8          0.345 s   0.414 s  +20.0% (95% interval "
        + "+"), second.out());
    assertTrue(second.out().endsWith("PASS sequential:1 at most 10% slower than the baseline: no "
        + "significant change (p=1.000, 6 and 6 runs)\nFAIL threads:8 at most 10% slower than "
        + "the baseline: 20.0% slower (95% interval +5.0% to +37.1%, p=0.015, 6 and 6 runs): "
        + "more than the 10% allowed\n"), second.out());
    JsonNode json = new ObjectMapper().readTree(now.toFile());
    assertFalse(json.get("passed").asBoolean());
    JsonNode regressions = json.get("regressions");
    assertEquals(2, regressions.size());
    assertEquals("pass", regressions.get(0).get("verdict").asText());
    assertEquals("threads:8", regressions.get(1).get("combination").asText());
    assertEquals("fail", regressions.get(1).get("verdict").asText());
    assertEquals(1.2, regressions.get(1).get("estimate").asDouble(), 1e-9);
    assertEquals(14.0 / 924, regressions.get(1).get("p_value").asDouble(), 1e-12);
    assertEquals(true, json.get("baseline").get("same_list").asBoolean());
    String xml = Files.readString(junit);
    assertTrue(xml.contains("tests=\"2\" failures=\"1\""), xml);
    assertTrue(xml.contains("<testcase classname=\"fetch.compare.regression\" name=\"threads:8 "
        + "at most 10% slower than the baseline\">\n      <failure"), xml);

    Cli.Result lenient = compareWith(recorded(1.2), concat(common, "--baseline",
        old.toString(), "--max-regression", "25%"));
    assertEquals(ExitCodes.OK, lenient.exitCode(), lenient.toString());
    assertTrue(lenient.out().contains("PASS threads:8 at most 25% slower than the baseline: "
        + "20.0% slower (95% interval +5.0% to +37.1%, p=0.015, 6 and 6 runs): within the 25% "
        + "allowed"), lenient.out());
  }

  /** A baseline from before this change (schema fetch-compare/1), on another list's name. */
  @Test
  void aFirstSchemaBaselineOfAnotherListNeedsAllowDifferentList() throws IOException {
    Path v1 = Files.writeString(dir.resolve("v1.json"),
        dev.fetch.testing.Golden.read("compare-v1.json"));
    assertUsageErrorBeforeAnyRun("--baseline " + v1 + " measured another list "
        + "(sample-urls.txt, 8 URLs; now " + list() + ", 8 URLs, SHA-256 "
        + dev.fetch.compare.ListDigest.of(list()).substring(0, 12) + "); add "
        + "--allow-different-list to compare anyway", list().toString(), "--modes",
        "sequential", "--baseline", v1.toString());

    Cli.Result allowed = compareWith(new FakeRunExecutor(8).times(SEQ, 9.0, 2.0, 2.2, 1.8,
        2.1, 1.9, 2.05), list().toString(), "--modes", "sequential", "--runs", "6", "--seed",
        "1", "-q", "--baseline", v1.toString(), "--allow-different-list");
    assertEquals(ExitCodes.OK, allowed.exitCode(), allowed.toString());
    assertTrue(allowed.out().contains("Against the baseline " + v1 + " (fetch-compare/1, "
        + "started 2025-01-15T10:30:00Z):"), allowed.out());
    assertTrue(allowed.out().contains("Differs: list: sample-urls.txt (8 URLs) then, " + list()
        + " (8 URLs) now; compared anyway (--allow-different-list)"), allowed.out());
  }

  @Test
  void baselineMistakesAreUsageErrorsBeforeAnyRun() throws IOException {
    Path missing = dir.resolve("missing.json");
    assertUsageErrorBeforeAnyRun("--baseline " + missing + ": no such file", list().toString(),
        "--baseline", missing.toString());
    assertUsageErrorBeforeAnyRun("--max-regression needs --baseline, the earlier --export-json "
        + "to compare with", list().toString(), "--max-regression", "10%");
    assertUsageErrorBeforeAnyRun("--confidence: '101%' is not a confidence level between 50% "
        + "and 99.9% (write 0.95 or 95%)", list().toString(), "--confidence", "101%");
    assertUsageErrorBeforeAnyRun("--require: 'threads\\u001b[31m faster than sequential' has "
        + "control characters", list().toString(), "--require",
        "threads\u001b[31m faster than sequential");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void progressLinesGoToStandardErrorAsRunsFinish() throws IOException {
    Cli.Result result = compareWith(scripted(), list().toString(), "--modes",
        "sequential,threads", "-w", "8", "--runs", "3", "--warmup", "1", "--seed", "1");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<String> lines = List.of(result.err().split("\n"));
    assertEquals(8, lines.size(), result.err());
    assertTrue(lines.get(0).matches("\\[  1/8\\] (sequential:1|threads:8) +9\\.000 s  "
        + "\\(warm-up\\)"), lines.get(0));
    assertTrue(lines.get(7).startsWith("[  8/8] "), lines.get(7));
  }

  /** SIGTERM exits with its own code, 143, as a plain run does. */
  @Test
  void aTerminatedComparisonExitsWithSigtermsCode() throws IOException {
    FakeRunExecutor fake = scripted();
    ManualInterrupts interrupts = new ManualInterrupts();
    RunExecutor terminatedInSecondRun = (slot, sequence) -> {
      if (sequence == 1) {
        interrupts.fire(ExitCodes.TERMINATED);
      }
      return fake.run(slot, sequence);
    };
    Cli.Result result = compareWith(terminatedInSecondRun, interrupts, list().toString(),
        "--modes", "sequential,threads", "-w", "8", "--runs", "3", "--warmup", "1", "--seed",
        "1", "-q");

    assertEquals(ExitCodes.TERMINATED, result.exitCode(), result.toString());
  }

  /** Ctrl-C during the third run: it finishes, no other starts, the JSON file holds three. */
  @Test
  void anInterruptedComparisonStopsAndItsJsonHoldsTheRunsSoFar() throws IOException {
    FakeRunExecutor fake = scripted();
    ManualInterrupts interrupts = new ManualInterrupts();
    RunExecutor interruptedInThirdRun = (slot, sequence) -> {
      if (sequence == 2) {
        interrupts.fire(ExitCodes.INTERRUPTED);
      }
      return fake.run(slot, sequence);
    };
    Path json = dir.resolve("partial.json");
    Cli.Result result = compareWith(interruptedInThirdRun, interrupts, list().toString(),
        "--modes", "sequential,threads", "-w", "8", "--runs", "3", "--warmup", "1", "--seed",
        "1", "-q", "--export-json", json.toString());

    assertEquals(ExitCodes.INTERRUPTED, result.exitCode(), result.toString());
    assertEquals("fetch compare: interrupted after 3 of 8 runs; " + json + " holds them\n",
        result.err());
    assertEquals(3, fake.ran().size());
    JsonNode saved = new ObjectMapper().readTree(json.toFile());
    int runs = 0;
    for (JsonNode r : saved.get("results")) {
      runs += r.get("runs").size();
    }
    assertEquals(3, runs);
  }

  @Test
  void exportsGoToFilesAndMarkdownToStdoutWithTheTableOnStderr() throws IOException {
    Path json = dir.resolve("c.json");
    Path csv = dir.resolve("c.csv");
    Path trace = dir.resolve("trace.json");
    Cli.Result result = Cli.run("compare", list().toString(), "--modes", "threads,async",
        "-w", "2,4", "--runs", "2", "--warmup", "0", "--seed", "3", "-q",
        "--export-json", json.toString(), "--export-csv", csv.toString(),
        "--export-markdown", "-", "--trace", trace.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.out().startsWith("## fetch compare\n\n8 URLs from `"), result.out());
    assertTrue(result.out().contains("```mermaid\nxychart-beta\n"), result.out());
    assertTrue(result.out().contains("| `async:4` |"), result.out());
    assertTrue(result.err().contains("Compared 4 combinations"), result.err());
    JsonNode parsed = new ObjectMapper().readTree(json.toFile());
    assertEquals(4, parsed.get("results").size());
    assertEquals(3, parsed.get("seed").asInt());
    assertEquals(5, Files.readAllLines(csv).size(), "a header and four rows");
    JsonNode events = new ObjectMapper().readTree(trace.toFile()).get("traceEvents");
    long downloads = 0;
    for (JsonNode e : events) {
      if (e.get("ph").asText().equals("X")) {
        downloads++;
      }
    }
    assertEquals(4 * 8, downloads, "one measured run per combination");
  }

  /**
   * Lanes are real workers: {@code async:5} draws exactly five tracks (async-1..async-5), an
   * invalid line the track "(no worker)", never "null", and no two slices of a track overlap.
   */
  @Test
  void theTraceOfAsyncHasATrackPerWorkerAndNoOverlap() throws IOException {
    Path list = Files.writeString(dir.resolve("lanes.txt"),
        SiteLists.pages(server.baseUrl(), 15, 1000, 30) + "ftp://not-http.test/x\n");
    Path trace = dir.resolve("async.trace.json");
    Cli.Result result = Cli.run("compare", list.toString(), "--modes", "async", "-w", "5",
        "--runs", "1", "--warmup", "0", "--seed", "1", "-q", "--trace", trace.toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), "the invalid line fails: " + result);
    Map<Integer, String> tracks = new TreeMap<>();
    Map<Integer, Long> ends = new HashMap<>();
    int slices = 0;
    for (JsonNode e : new ObjectMapper().readTree(trace.toFile()).get("traceEvents")) {
      if (e.get("name").asText().equals("thread_name")) {
        tracks.put(e.get("tid").asInt(), e.get("args").get("name").asText());
      } else if (e.get("ph").asText().equals("X")) {
        slices++;
        long start = e.get("ts").asLong();
        long previous = ends.getOrDefault(e.get("tid").asInt(), Long.MIN_VALUE);
        assertTrue(start >= previous, "overlap: " + e);
        ends.put(e.get("tid").asInt(), start + e.get("dur").asLong());
      }
    }
    assertEquals(16, slices);
    assertEquals(List.of("async-1", "async-2", "async-3", "async-4", "async-5", "(no worker)"),
        List.copyOf(tracks.values()));
  }

  @Test
  void runsWithFailedUrlsAreReportedAndExitOne() throws IOException {
    Path list = Files.writeString(dir.resolve("bad.txt"),
        server.baseUrl() + "/bytes/10\n" + server.baseUrl() + "/status/500\n");
    Cli.Result result = Cli.run("compare", list.toString(), "--modes", "threads", "-w", "2",
        "--runs", "2", "--warmup", "0", "--seed", "1");

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.toString());
    assertTrue(result.out().contains("threads:2: 2 of 2 runs had failed URLs and are left out"),
        result.out());
    assertTrue(result.err().contains("1 URLs failed"), result.err());
  }

  @Test
  void readsTheListFromStandardInputOnce() {
    String list = SiteLists.pages(server.baseUrl(), 4, 100, 0);
    Cli.Result result = Cli.runWithStdin(list, "compare", "-", "--modes", "sequential",
        "--runs", "2", "--warmup", "1", "--seed", "9", "-q");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.out().contains("on <stdin> (4 URLs): 2 runs each after 1 warm-up"),
        result.out());
  }

  @Test
  void helpShowsEveryOptionWithoutFormatErrors() {
    Cli.Result help = Cli.run("compare", "--help");

    assertEquals(ExitCodes.OK, help.exitCode());
    String text = help.out().replaceAll("\\s+", " ");
    assertTrue(text.contains("the whole interval of the speed-up at least N"), help.out());
    for (String option : new String[] {"--modes", "--workers", "--runs", "--warmup", "--seed",
        "--reference", "--reuse-connections", "--require", "--export-json", "--export-csv",
        "--export-markdown", "--report", "--trace", "--timeout", "--per-host", "--max-size",
        "--confidence", "--baseline", "--max-regression", "--allow-different-list",
        "--export-junit", "'A not slower than B'", "'A within N% of B'"}) {
      assertTrue(text.contains(option), option + " in " + help.out());
    }
  }

  @Test
  void usageErrors() throws IOException {
    Path list = list();
    Cli.Result badGate = Cli.run("compare", list.toString(), "--require", "threads faster");
    assertEquals(ExitCodes.USAGE, badGate.exitCode());
    assertTrue(badGate.err().contains("--require: 'threads faster' is not a requirement"),
        badGate.err());

    Cli.Result badReference = Cli.run("compare", list.toString(), "--modes", "threads",
        "--reference", "sequential");
    assertEquals(ExitCodes.USAGE, badReference.exitCode());
    assertTrue(badReference.err().contains("'sequential' is not one of the compared"),
        badReference.err());

    Cli.Result ambiguous = Cli.run("compare", list.toString(), "--modes", "threads", "-w",
        "2,4", "--reference", "threads");
    assertEquals(ExitCodes.USAGE, ambiguous.exitCode());
    assertTrue(ambiguous.err().contains("'threads' is ambiguous: say threads:2 or threads:4"),
        ambiguous.err());

    Cli.Result empty = Cli.run("compare", Files.writeString(dir.resolve("e.txt"), "# none\n")
        .toString());
    assertEquals(ExitCodes.USAGE, empty.exitCode());
    assertTrue(empty.err().contains("no URLs"), empty.err());
  }

  /** Every usage error below must come before the first run: the fake records none. */
  private static void assertUsageErrorBeforeAnyRun(String expectedErr, String... args) {
    FakeRunExecutor fake = new FakeRunExecutor(8);
    Cli.Result result = compareWith(fake, args);
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertEquals("fetch: " + expectedErr + "\nTry 'fetch --help' for more information.\n",
        result.err());
    assertEquals("", result.out());
    assertEquals(List.of(), fake.ran(), "no run");
  }

  @Test
  void aTypoInARequirementIsAUsageErrorBeforeAnyRun() throws IOException {
    assertUsageErrorBeforeAnyRun("--require 'thraeds:5 >= 2x sequential': 'thraeds:5' is not "
        + "one of the compared combinations (sequential:1, threads:5; write MODE or "
        + "MODE:WORKERS)", list().toString(), "--modes", "sequential,threads", "-w", "5",
        "--require", "thraeds:5 >= 2x sequential");
  }

  @Test
  void aRequirementOnACombinationNotComparedIsAUsageErrorBeforeAnyRun() throws IOException {
    assertUsageErrorBeforeAnyRun("--require 'threads:8 >= 2x sequential': 'threads:8' is not "
        + "one of the compared combinations (sequential:1, threads:5; write MODE or "
        + "MODE:WORKERS)", list().toString(), "--modes", "sequential,threads", "-w", "5",
        "--require", "threads:8 >= 2x sequential");
    assertUsageErrorBeforeAnyRun("--require 'threads >= 2x async': 'async' is not one of the "
        + "compared combinations (sequential:1, threads:5; write MODE or MODE:WORKERS)",
        list().toString(), "--modes", "sequential,threads", "-w", "5",
        "--require", "threads >= 2x async");
    assertUsageErrorBeforeAnyRun("--require 'threads >= 2x sequential': 'threads' is "
        + "ambiguous: say threads:2 or threads:4", list().toString(), "--modes",
        "sequential,threads", "-w", "2,4", "--require", "threads >= 2x sequential");
  }

  @Test
  void twoExportsToStandardOutputAreAUsageErrorBeforeAnyRun() throws IOException {
    assertUsageErrorBeforeAnyRun("--export-json and --export-markdown both write to standard "
        + "output (-); send one of them to a file", list().toString(), "--export-json", "-",
        "--export-markdown", "-");
    assertUsageErrorBeforeAnyRun("--export-csv and --report both write to standard output (-); "
        + "send one of them to a file", list().toString(), "--export-csv", "-", "--report", "-");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--export-json", "--export-csv", "--export-markdown", "--report",
      "--trace"})
  void anExportIntoAMissingDirectoryOrOntoADirectoryIsAUsageErrorBeforeAnyRun(String option)
      throws IOException {
    Path missing = dir.resolve("nope");
    Path target = missing.resolve("out.x");
    assertUsageErrorBeforeAnyRun(option + ": cannot write " + target + " (no such directory "
        + missing + ")", list().toString(), option, target.toString());
    assertUsageErrorBeforeAnyRun(option + ": cannot write " + dir + " (it is a directory)",
        list().toString(), option, dir.toString());
    Path file = Files.writeString(dir.resolve("file"), "");
    assertUsageErrorBeforeAnyRun(option + ": cannot write " + file.resolve("out.x") + " ("
        + file + " is not a directory)", list().toString(), option,
        file.resolve("out.x").toString());
    assertFalse(Files.exists(missing), "nothing created");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--export-json", "--report"})
  void anExportIntoAReadOnlyDirectoryIsAUsageErrorBeforeAnyRun(String option)
      throws IOException {
    Path readOnly = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(readOnly), "skipped: this user (root) may write anywhere");
      Path target = readOnly.resolve("out.x");
      assertUsageErrorBeforeAnyRun(option + ": cannot write " + target + " (directory "
          + readOnly + " is not writable)", list().toString(), option, target.toString());
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void runsAndWarmUpsAreBoundedBeforeAnyRun() throws IOException {
    assertUsageErrorBeforeAnyRun("--runs must be between 1 and 10000, not 10001",
        list().toString(), "--runs", "10001");
    assertUsageErrorBeforeAnyRun("--runs must be between 1 and 10000, not 2147483647",
        list().toString(), "--runs", "2147483647", "--warmup", "2147483647");
    assertUsageErrorBeforeAnyRun("--runs must be between 1 and 10000, not 0",
        list().toString(), "--runs", "0");
    assertUsageErrorBeforeAnyRun("--warmup must be between 0 and 1000, not 1001",
        list().toString(), "--warmup", "1001");
    assertUsageErrorBeforeAnyRun("--runs and --warmup of 200 combinations make 2000200 runs in "
        + "all, more than 1000000", list().toString(), "--modes", "threads", "-w",
        IntStream.rangeClosed(1, 200).mapToObj(String::valueOf)
            .collect(Collectors.joining(",")), "--runs", "10000", "--warmup", "1");
  }
}
