package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.Outcome;
import dev.fetch.input.Inputs;
import dev.fetch.input.InputReader;
import dev.fetch.input.Shard;
import dev.fetch.input.ShardBy;
import dev.fetch.input.UrlEntry;
import dev.fetch.output.JsonLinesFormatter;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fetch merge}: shards' results files into one run, every index once, with the summary
 * and exit code of a run; compare exports side by side. Results files are written by real runs
 * or by the real JSON lines formatter.
 */
class MergeCommandTest {
  private static final JsonLinesFormatter JSONL = new JsonLinesFormatter();

  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  @Test
  void shardsRunAgainstASiteMergeIntoTheWholeRun() throws IOException {
    Path list = ListFiles.onServer(dir, server, "/bytes/1", "/bytes/2", "/status/404",
        "/bytes/4", "/bytes/5", "/bytes/6", "/bytes/7");
    List<String> files = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      Cli.Result shard = Cli.run("-f", "jsonl", "--shard", k + "/3", "--shard-by", "index",
          list.toString());
      files.add(Files.writeString(dir.resolve("shard-" + k + ".jsonl"), shard.out()).toString());
    }

    List<String> args = new ArrayList<>(List.of("merge", "-f", "jsonl", "--list",
        list.toString(), "--shard-count", "3"));
    args.addAll(files);
    Cli.Result merged = Cli.run(args.toArray(new String[0]));

    assertEquals(1, merged.exitCode(), "a URL failed: " + merged);
    Map<Integer, String> byIndex = new TreeMap<>();
    for (JsonNode result : JsonLines.results(merged)) {
      assertEquals(null, byIndex.put(result.get("index").asInt(), result.get("outcome").asText()));
    }
    assertEquals(Map.of(0, "downloaded", 1, "downloaded", 2, "failed", 3, "downloaded",
        4, "downloaded", 5, "downloaded", 6, "downloaded"), byIndex);
    JsonNode summary = JsonLines.summary(merged);
    assertEquals(7, summary.get("urls").asInt());
    assertEquals(6, summary.get("succeeded").asInt());
    assertEquals(1, summary.get("failed").asInt());
    assertEquals(1 + 2 + 10 + 4 + 5 + 6 + 7, summary.get("bytes").asLong());
    assertEquals("", merged.err(), merged::toString);
  }

  @Test
  void theTextFormatPrintsTheFailuresThenTheSummaryOfARun() throws IOException {
    Path file = journal("a.jsonl", done(0, "http://a.test/0", 10),
        failed(1, "http://a.test/1", "HTTP 404"));

    Cli.Result merged = Cli.run("merge", file.toString());

    assertEquals(1, merged.exitCode(), merged::toString);
    List<String> lines = merged.outLines();
    assertEquals(2, lines.size(), merged::toString);
    assertTrue(lines.get(0).contains("http://a.test/1"), merged::toString);
    assertTrue(lines.get(1).startsWith("2 URLs in 0.000 s: 1 succeeded, 1 failed, 10 bytes (merge, 0 workers)"),
        merged::toString);
  }

  /**
   * A shard killed and re-run with --skip-done appends to its journal: its URLs done before come
   * again as skipped, its failures are tried again. Each index counts once, as its best result.
   */
  @Test
  void aReRunShardCountsEachIndexOnceAsItsBestResult() throws IOException {
    Path file = journal("shard.jsonl",
        done(0, "http://a.test/0", 10),
        failed(1, "http://a.test/1", "first try"),
        failed(2, "http://a.test/2", "first try"),
        skipped(0, "http://a.test/0"),
        done(1, "http://a.test/1", 11),
        failed(2, "http://a.test/2", "second try"),
        skipped(3, "http://a.test/3"));

    Cli.Result merged = Cli.run("merge", "-f", "jsonl", "--expect", "4", file.toString());

    assertEquals(1, merged.exitCode(), merged::toString);
    Map<Integer, String> byIndex = new TreeMap<>();
    for (JsonNode r : JsonLines.results(merged)) {
      byIndex.put(r.get("index").asInt(), r.get("outcome").asText() + " " + r.get("bytes")
          + " " + r.get("error").asText(""));
    }
    assertEquals(Map.of(0, "downloaded 10 ", 1, "downloaded 11 ", 2, "failed 0 second try",
        3, "skipped 0 "), byIndex);
    JsonNode summary = JsonLines.summary(merged);
    assertEquals(4, summary.get("urls").asInt());
    assertEquals(3, summary.get("succeeded").asInt());
    assertEquals(1, summary.get("skipped").asInt());
    assertEquals(21, summary.get("bytes").asInt());
  }

  @Test
  void twoDownloadsOfOneIndexAreADuplicate() throws IOException {
    Path a = journal("a.jsonl", done(0, "http://a.test/0", 1), done(1, "http://a.test/1", 1));
    Path b = journal("b.jsonl", done(1, "http://a.test/1", 1));

    Cli.Result merged = Cli.run("merge", a.toString(), b.toString());

    assertEquals(2, merged.exitCode(), merged::toString);
    assertEquals("fetch merge: 1 index downloaded more than once (overlapping shards, or a "
        + "shard re-run without --skip-done) (index 1)\n", merged.err());
    assertTrue(merged.out().startsWith("2 URLs in "), merged::toString);
  }

  @Test
  void oneIndexWithTwoUrlsMeansFilesOfDifferentLists() throws IOException {
    Path a = journal("a.jsonl", done(0, "http://a.test/0", 1));
    Path b = journal("b.jsonl", failed(0, "http://b.test/0", "x"));

    Cli.Result merged = Cli.run("merge", a.toString(), b.toString());

    assertEquals(2, merged.exitCode(), merged::toString);
    assertTrue(merged.err().contains("1 index reported with different URLs: are these files "
        + "of one list? (index 0)"), merged::toString);
  }

  @Test
  void aLastLineCutShortIsLeftOutAndTheUrlIsMissing() throws IOException {
    Path file = journal("a.jsonl", done(0, "http://a.test/0", 1), done(1, "http://a.test/1", 1));
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() - 20));

    Cli.Result merged = Cli.run("merge", "--expect", "2", file.toString());

    assertEquals(2, merged.exitCode(), merged::toString);
    assertEquals(file + ":2: a line cut short (a run killed while writing it): left out", merged.err().lines().findFirst().orElseThrow().substring("fetch merge: ".length()));
    assertTrue(merged.err().contains("fetch merge: 1 URL never reported (index 1)"),
        merged::toString);
  }

  /** A journal appended to after a kill: the cut line ends where the next run's lines begin. */
  @Test
  void aLineCutShortInsideAJournalAppendedToIsLeftOut() throws IOException {
    String first = JSONL.result(done(0, "http://a.test/0", 1));
    Path file = dir.resolve("a.jsonl");
    Files.writeString(file, first + first.substring(0, 30) + "\n"
        + JSONL.result(done(1, "http://a.test/1", 1)));

    Cli.Result merged = Cli.run("merge", "--expect", "2", file.toString());

    assertEquals(0, merged.exitCode(), merged::toString);
    assertEquals("fetch merge: " + file + ":2: a line cut short (a run killed while writing it): "
        + "left out\n", merged.err());
  }

  @Test
  void aBadLineInTheMiddleIsNamedAndFailsTheMerge() throws IOException {
    Path file = dir.resolve("a.jsonl");
    Files.writeString(file, JSONL.result(done(0, "http://a.test/0", 1)) + "{\"type\":\"result\","
        + "\"index\":\"x\"}\n" + JSONL.result(done(1, "http://a.test/1", 1)));

    Cli.Result merged = Cli.run("merge", file.toString());

    assertEquals(2, merged.exitCode(), merged::toString);
    assertTrue(merged.err().contains(file + ":2: not a result line: index is not an integer"),
        merged::toString);
  }

  @Test
  void anIndexBeyondTheListIsNamed() throws IOException {
    Path file = journal("a.jsonl", done(0, "http://a.test/0", 1), done(5, "http://a.test/5", 1));

    Cli.Result merged = Cli.run("merge", "--expect", "1", file.toString());

    assertEquals(2, merged.exitCode(), merged::toString);
    assertTrue(merged.err().contains(":2: index 5 is beyond the 1 URLs of the list"),
        merged::toString);
  }

  /** With the list, a missing URL is put down to its shard, dealt by host as the run dealt it. */
  @Test
  void missingUrlsAreNamedByTheirShard() throws IOException {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      urls.add("http://host" + (i % 10) + ".test/" + i);
    }
    Path list = ListFiles.write(dir, urls);
    Shard third = new Shard(3, 4, ShardBy.HOST);
    List<DownloadResult> reported = new ArrayList<>();
    List<Integer> lost = new ArrayList<>();
    try (InputReader reader = Inputs.of(list.toString()).open(InputStream.nullInputStream())) {
      while (reader.hasNext()) {
        UrlEntry entry = reader.next();
        if (third.includes(entry)) {
          lost.add(entry.index());
        } else {
          reported.add(done(entry.index(), entry.display(), 1));
        }
      }
    }
    Path file = journal("a.jsonl", reported.toArray(new DownloadResult[0]));

    Cli.Result merged = Cli.run("merge", "--list", list.toString(), "--shard-count", "4",
        file.toString());

    assertEquals(2, merged.exitCode(), merged::toString);
    assertFalse(lost.isEmpty());
    String named = lost.subList(0, Math.min(5, lost.size())).toString().replace("[", "")
        .replace("]", "") + (lost.size() > 5 ? ", …" : "");
    assertEquals("fetch merge: shard 3/4 missing: " + lost.size() + " URLs never reported "
        + "(indexes " + named + ")\n", merged.err());
  }

  @Test
  void usageErrors() throws IOException {
    Path file = journal("a.jsonl", done(0, "http://a.test/0", 1));
    Map<List<String>, String> cases = Map.of(
        List.of("--expect", "1", "--list", file.toString()), "--list and --expect",
        List.of("--shard-count", "4"), "needs its host: give --list",
        List.of(dir.toString()), "not a regular file",
        List.of(dir.resolve("none.jsonl").toString()), "no such file",
        List.of("--shard-count", "0", "--shard-by", "index"), "--shard-count must be between");
    cases.forEach((args, message) -> {
      List<String> all = new ArrayList<>(List.of("merge"));
      all.addAll(args);
      if (!args.get(0).startsWith("/")) {
        all.add(file.toString());
      }
      Cli.Result result = Cli.run(all.toArray(new String[0]));
      assertEquals(2, result.exitCode(), result::toString);
      assertTrue(result.err().contains(message), message + " in " + result);
    });
  }

  @Test
  void compareExportsOfTwoMachinesSideBySide() throws IOException {
    Path golden = Path.of("src/test/resources/golden");
    Cli.Result merged = Cli.run("merge", golden.resolve("baseline.json").toString(),
        golden.resolve("compare.json").toString());

    assertEquals(0, merged.exitCode(), merged::toString);
    List<String> lines = merged.outLines();
    assertTrue(lines.get(0).startsWith("2 machines, list sample-urls.txt (8 URLs): median time"),
        merged::toString);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("cores ")), merged::toString);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("threads:8 ") && l.split(" n=").length
        == 3), "a cell per machine: " + merged);

    Cli.Result jsonl = Cli.run("merge", "-f", "jsonl", golden.resolve("baseline.json")
        .toString(), golden.resolve("compare.json").toString());
    assertEquals(6, JsonLines.lines(jsonl).size(), jsonl::toString);
  }

  @Test
  void aResultsFileAndACompareExportDoNotMix() throws IOException {
    Path file = journal("a.jsonl", done(0, "http://a.test/0", 1));
    Cli.Result merged = Cli.run("merge", "src/test/resources/golden/compare.json",
        file.toString());

    assertEquals(2, merged.exitCode(), merged::toString);
    assertTrue(merged.err().contains("all are results files or all compare exports"),
        merged::toString);
  }

  private Path journal(String name, DownloadResult... results) throws IOException {
    StringBuilder text = new StringBuilder();
    for (DownloadResult result : results) {
      text.append(JSONL.result(result));
    }
    return Files.writeString(dir.resolve(name), text);
  }

  private static DownloadResult done(int index, String url, long bytes) {
    return new DownloadResult.Success(index, url, 200, bytes, Duration.ofMillis(1), 1, "w",
        "http/1.1");
  }

  private static DownloadResult skipped(int index, String url) {
    return DownloadResult.Success.skipped(index, url, null, -1);
  }

  private static DownloadResult failed(int index, String url, String message) {
    return new DownloadResult.Failure(index, url, 404, 0, Duration.ofMillis(1), 1, "w",
        ErrorKind.HTTP, message, null);
  }

  @SuppressWarnings("unused")
  private static Outcome unused() {
    return Outcome.DOWNLOADED;
  }
}
