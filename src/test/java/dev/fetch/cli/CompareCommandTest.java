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
import java.util.List;
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
        .executors = listBytes -> fake, interrupts, InputStream.nullInputStream(), all);
  }

  private static FakeRunExecutor scripted() {
    return new FakeRunExecutor(8)
        .times(SEQ, 9.0, 2.0, 2.2, 1.8)
        .times(T8, 9.0, 0.30, 0.35, 0.40);
  }

  @Test
  void aRequirementThatHoldsExitsZeroAndOneThatFailsExitsThree() throws IOException {
    FakeRunExecutor fake = scripted();
    Cli.Result holds = compareWith(fake, list().toString(), "--modes", "sequential,threads",
        "-w", "8", "--runs", "3", "--warmup", "1", "--seed", "1", "-q",
        "--require", "threads:8 >= 2x sequential");

    assertEquals(ExitCodes.OK, holds.exitCode(), holds.toString());
    assertEquals(String.join("\n",
        "Compared 2 combinations on " + list() + " (8 URLs): 3 runs each after 1 warm-up, "
            + "interleaved with seed 1",
        "",
        "combination         median             mean ± σ       min       max     ideal    URLs/s"
            + "     MB/s  failed speed-up           per worker",
        "sequential:1       2.000 s    2.000 s ± 0.200 s   1.800 s   2.200 s   2.000 s       4.0"
            + "     0.00     0/3 reference          1.00",
        "threads:8          0.350 s    0.350 s ± 0.050 s   0.300 s   0.400 s   0.350 s      22.9"
            + "     0.02     0/3 5.71 ± 1.00x       0.71",
        "",
        "threads:8 is 5.71 ± 1.00 times faster than sequential:1 (95% interval 3.17-11.06)",
        "PASS threads:8 >= 2x sequential: 5.71x faster, 95% interval 3.17-11.06x",
        ""), holds.out());
    assertEquals("", holds.err());
    assertEquals(8, fake.ran().size(), "a warm-up and three runs of each");

    Cli.Result fails = compareWith(scripted(), list().toString(), "--modes",
        "sequential,threads", "-w", "8", "--runs", "3", "--warmup", "1", "--seed", "1", "-q",
        "--require", "threads >= 1000x sequential");
    assertEquals(ExitCodes.REQUIREMENT_FAILED, fails.exitCode(), fails.toString());
    assertTrue(fails.out().endsWith("\nFAIL threads >= 1000x sequential: 5.71x faster, 95% "
        + "interval 3.17-11.06x\n"), fails.out());
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
    assertTrue(result.out().startsWith("8 URLs from `"), result.out());
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
    assertTrue(text.contains("judged on the 95% interval of the speed-up"), help.out());
    for (String option : new String[] {"--modes", "--workers", "--runs", "--warmup", "--seed",
        "--reference", "--reuse-connections", "--require", "--export-json", "--export-csv",
        "--export-markdown", "--report", "--trace", "--timeout", "--per-host", "--max-size"}) {
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
