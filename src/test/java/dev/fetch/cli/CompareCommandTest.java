package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetch.server.SiteLists;
import dev.fetch.server.SiteServer;
import dev.fetch.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch compare} end to end against the local test site. */
class CompareCommandTest {
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

  @Test
  void aRequirementThatHoldsExitsZeroAndOneThatFailsExitsThree() throws IOException {
    Path list = list();
    Cli.Result holds = Cli.run("compare", list.toString(), "--modes", "sequential,threads",
        "-w", "8", "--runs", "3", "--warmup", "1", "--seed", "1", "-q",
        "--require", "threads:8 >= 2x sequential");
    assertEquals(ExitCodes.OK, holds.exitCode(), holds.toString());
    assertTrue(holds.out().contains("PASS threads:8 >= 2x sequential: "), holds.out());
    assertTrue(holds.out().contains("threads:8 is "), holds.out());

    Cli.Result fails = Cli.run("compare", list.toString(), "--modes", "sequential,threads",
        "-w", "8", "--runs", "3", "--warmup", "0", "--seed", "1", "-q",
        "--require", "threads >= 1000x sequential");
    assertEquals(ExitCodes.REQUIREMENT_FAILED, fails.exitCode(), fails.toString());
    assertTrue(fails.out().contains("FAIL threads >= 1000x sequential: "), fails.out());
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

    assertEquals(ExitCodes.USAGE, Cli.run("compare", list.toString(), "--runs", "0")
        .exitCode());
    Cli.Result empty = Cli.run("compare", Files.writeString(dir.resolve("e.txt"), "# none\n")
        .toString());
    assertEquals(ExitCodes.USAGE, empty.exitCode());
    assertTrue(empty.err().contains("no URLs"), empty.err());
  }
}
