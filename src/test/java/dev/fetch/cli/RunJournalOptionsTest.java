package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --results} and {@code --skip-done} on the command line: checked before the first request
 * (exit 2 naming the option and the file), the journal the same whatever the format, credentials
 * never in it, and {@code fetch compare} refusing every option that would let a run skip a
 * download.
 */
class RunJournalOptionsTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  @Test
  void theJournalIsTheSameWhateverTheFormatAndWithQuiet() throws IOException {
    Path list = ListFiles.onServer(dir, server, "/bytes/1", "/status/500", "not a url");
    Path text = dir.resolve("text.jsonl");
    Path csv = dir.resolve("csv.jsonl");

    Cli.Result quiet = Cli.run("-m", "sequential", "-q", "--retries", "0", "--results",
        text.toString(), list.toString());
    Cli.Result asCsv = Cli.run("-m", "sequential", "-f", "csv", "--retries", "0", "--results",
        csv.toString(), list.toString());

    assertEquals(1, quiet.exitCode(), quiet::toString);
    assertEquals(1, asCsv.exitCode(), asCsv::toString);
    for (Path journal : List.of(text, csv)) {
      List<String> lines = Files.readAllLines(journal);
      assertEquals(4, lines.size(), lines::toString);
      List<String> kinds = new ArrayList<>();
      for (String line : lines) {
        JsonNode node = JsonLines.parse(line);
        kinds.add(node.get("type").asText() + " " + node.path("outcome").asText("-") + " "
            + node.path("error_kind").asText("-"));
      }
      assertEquals(List.of("result downloaded -", "result failed http",
          "result failed invalid_url", "summary - -"), kinds);
    }
  }

  @Test
  void credentialsNeverReachTheJournalAndTheRedactedUrlStillMatches() throws IOException {
    String secret = server.url("/bytes/4").newBuilder().username("alice").password("s3cret")
        .build().toString();
    Path list = ListFiles.write(dir, List.of(secret));
    Path journal = dir.resolve("run.jsonl");
    Cli.Result first = Cli.run("--results", journal.toString(), list.toString());
    int before = server.getRequestCount();

    Cli.Result second = Cli.run("-f", "jsonl", "--skip-done", journal.toString(), list.toString());

    assertEquals(0, first.exitCode(), first::toString);
    assertFalse(Files.readString(journal).contains("s3cret"));
    assertTrue(Files.readString(journal).contains("***@"));
    assertEquals(0, second.exitCode(), second::toString);
    assertEquals(before, server.getRequestCount(), "skipped without a request");
    assertEquals("skipped", JsonLines.results(second).get(0).get("outcome").asText());
  }

  @Test
  void linesThatAreNotResultsAreWarnedAboutOnceAndTheRunGoesOn() throws IOException {
    Path list = ListFiles.onServer(dir, server, "/bytes/1", "/bytes/2");
    Path journal = dir.resolve("run\u0007.jsonl");
    Cli.run("--results", journal.toString(), ListFiles.onServer(dir, server, "/bytes/1")
        .toString());
    Files.writeString(journal, "garbage\nmore garbage\n" + Files.readString(journal));

    Cli.Result result = Cli.run("-f", "jsonl", "--skip-done", journal.toString(),
        list.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("fetch: --skip-done " + dir.resolve("run\\u0007.jsonl")
        + ": ignored 2 lines that are not a result (the first: line 1)\n", result.err());
    assertEquals(1, JsonLines.summary(result).get("skipped").asInt());
  }

  @Test
  void aMissingJournalToSkipByIsAUsageErrorBeforeAnyRequest() {
    Path list = ListFiles.onServer(dir, server, "/bytes/1");
    Path missing = dir.resolve("missing.jsonl");

    Cli.Result result = Cli.run("--skip-done", missing.toString(), list.toString());

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("fetch: --skip-done: cannot read " + missing
        + " (no such file)"), result::toString);
    assertEquals(0, server.getRequestCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing-dir/run.jsonl", ".", "-"})
  void aJournalThatCannotBeWrittenIsAUsageErrorBeforeAnyRequest(String target) {
    Path list = ListFiles.onServer(dir, server, "/bytes/1");
    String journal = target.equals("-") ? target : dir.resolve(target).toString();

    Cli.Result result = Cli.run("--results", journal, list.toString());

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("fetch: --results"), result::toString);
    assertEquals(0, server.getRequestCount());
  }

  /** The journal is never destroyed: not replaced by another output, not read as the list. */
  @ParameterizedTest
  @ValueSource(strings = {"--save-failed", "--trace", "list"})
  void theJournalCannotBeAFileTheRunReadsOrReplaces(String other) throws IOException {
    Path list = ListFiles.onServer(dir, server, "/bytes/1");
    Path journal = other.equals("list") ? list : dir.resolve("run.jsonl");
    String before = other.equals("list") ? Files.readString(list) : null;
    List<String> args = new ArrayList<>(List.of("--results", dir.resolve(".").resolve(
        journal.getFileName()).toString()));
    if (!other.equals("list")) {
      args.addAll(List.of(other, journal.toString()));
    }
    args.add(list.toString());

    Cli.Result result = Cli.run(args.toArray(new String[0]));

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("fetch: --results " + dir.resolve(".").resolve(
        journal.getFileName()) + " is "), result::toString);
    assertTrue(result.err().contains(": the journal must be a file of its own"), result::toString);
    assertEquals(0, server.getRequestCount());
    if (before != null) {
      assertEquals(before, Files.readString(list));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--skip-done=run.jsonl", "--results=run.jsonl", "--no-clobber", "-N",
      "--timestamping", "--continue"})
  void compareRefusesEveryOptionThatWouldLetARunSkipADownload(String option) {
    Path list = ListFiles.onServer(dir, server, "/bytes/1");

    Cli.Result result = Cli.run("compare", option, "--runs", "1", list.toString());

    assertEquals(2, result.exitCode(), result::toString);
    String name = option.equals("-N") ? "--timestamping" : option.split("=")[0];
    assertTrue(result.err().startsWith("fetch: compare does not take " + name
        + ": a benchmark must download every URL in every run"), result::toString);
    assertEquals(0, server.getRequestCount());
  }
}
