package dev.fetch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.Outcome;
import dev.fetch.input.UrlEntry;
import dev.fetch.input.UrlListReader;
import dev.fetch.output.JsonLinesFormatter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --skip-done} reads results journals: the last result recorded for a URL decides, lines
 * that are not results are skipped (a cut last line silently), URLs match as every output shows
 * them, credentials redacted.
 */
class DoneUrlsTest {
  private static final JsonLinesFormatter JSONL = new JsonLinesFormatter();

  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private static String success(int index, String url) {
    return JSONL.result(new DownloadResult.Success(index, url, 200, 5, Duration.ofMillis(3), 1,
        "t1", "http/1.1"));
  }

  private static String failure(int index, String url) {
    return JSONL.result(new DownloadResult.Failure(index, url, 503, 10, Duration.ofMillis(2), 3,
        "t1", ErrorKind.HTTP, "HTTP 503", null));
  }

  private Path journal(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("", lines));
  }

  private DoneUrls read(Path... journals) throws IOException {
    return DoneUrls.read(List.of(journals), warnings::add);
  }

  @Test
  void theLastResultRecordedForAUrlDecides() throws IOException {
    DoneUrls done = read(journal("run.jsonl",
        success(0, "http://h.test/a"), failure(1, "http://h.test/b"),
        failure(0, "http://h.test/a"), success(1, "http://h.test/b"),
        success(2, "http://h.test/c"), failure(2, "http://h.test/c"), success(2, "http://h.test/c"),
        failure(3, "http://h.test/d")));

    assertFalse(done.isDone("http://h.test/a"), "a success then a failure: not done");
    assertTrue(done.isDone("http://h.test/b"), "a failure then a success: done");
    assertTrue(done.isDone("http://h.test/c"));
    assertFalse(done.isDone("http://h.test/d"));
    assertFalse(done.isDone("http://h.test/never"));
    assertEquals(2, done.count());
    assertEquals(4, done.recorded());
    assertEquals(List.of(), warnings);
  }

  @Test
  void laterJournalsWinOverEarlierOnes() throws IOException {
    Path first = journal("1.jsonl", success(0, "http://h.test/a"), failure(1, "http://h.test/b"));
    Path second = journal("2.jsonl", failure(0, "http://h.test/a"),
        success(1, "http://h.test/b"));

    DoneUrls done = read(first, second);

    assertFalse(done.isDone("http://h.test/a"));
    assertTrue(done.isDone("http://h.test/b"));
  }

  @Test
  void everyOutcomeOfASuccessIsDone() throws IOException {
    DownloadResult.Success saved = new DownloadResult.Success(0, "http://h.test/a", 200, 5,
        Duration.ZERO, 1, "t1", "h2").savedAs("a", 5);
    DownloadResult.Success upToDate = new DownloadResult.Success(1, "http://h.test/b", 304, 0,
        Duration.ZERO, 1, "t1", "h2").savedAs("b", 5).withOutcome(Outcome.NOT_MODIFIED);
    DoneUrls done = read(journal("run.jsonl",
        JSONL.result(saved),
        JSONL.result(upToDate),
        JSONL.result(DownloadResult.Success.skipped(2, "http://h.test/c", "c", 9))));

    assertTrue(done.isDone("http://h.test/a"));
    assertTrue(done.isDone("http://h.test/b"));
    assertTrue(done.isDone("http://h.test/c"));
  }

  /** A run killed mid-write leaves half a line at the end: ignored without a word. */
  @Test
  void aLastLineCutShortIsIgnoredSilently() throws IOException {
    String cut = success(1, "http://h.test/b");
    DoneUrls done = read(journal("run.jsonl", success(0, "http://h.test/a"),
        cut.substring(0, cut.length() / 2)));

    assertTrue(done.isDone("http://h.test/a"));
    assertFalse(done.isDone("http://h.test/b"));
    assertEquals(List.of(), warnings);
  }

  @Test
  void aCompleteLastLineWithoutItsLineEndCounts() throws IOException {
    String last = success(1, "http://h.test/b");
    DoneUrls done = read(journal("run.jsonl", success(0, "http://h.test/a"),
        last.substring(0, last.length() - 1)));

    assertTrue(done.isDone("http://h.test/b"));
  }

  /**
   * Lines that are not results — a cut line followed by more (a journal appended to after a
   * crash), text, a result without a URL — are skipped, with one warning for the file; the
   * summary line is not a problem.
   */
  @Test
  void linesThatAreNotResultsAreSkippedWithOneWarningPerFile() throws IOException {
    String cut = success(1, "http://h.test/b");
    Path journal = journal("run.jsonl",
        success(0, "http://h.test/a"),
        cut.substring(0, 40) + "\n",
        "not json at all\n",
        "{\"type\":\"result\",\"index\":4}\n",
        "[1,2]\n",
        "\n",
        JSONL.summary(new RunSummary("threads", 2, 1, 1, 0, 5, Duration.ZERO, 0, false, 0, 0, 0)),
        success(5, "http://h.test/f"));
    Path clean = journal("clean.jsonl", success(0, "http://h.test/g"));

    DoneUrls done = read(journal, clean);

    assertTrue(done.isDone("http://h.test/a"));
    assertTrue(done.isDone("http://h.test/f"));
    assertTrue(done.isDone("http://h.test/g"));
    assertEquals(List.of("--skip-done " + journal + ": ignored 5 lines that are not a result "
        + "(the first: line 2)"), warnings);
  }

  @Test
  void windowsLineEndsAndLinesLongerThanTheBufferAreRead() throws IOException {
    String longUrl = "http://h.test/" + "x".repeat(200_000);
    DoneUrls done = read(journal("run.jsonl", success(0, "http://h.test/a").replace("\n", "\r\n"),
        success(1, longUrl), success(2, "http://h.test/c")));

    assertTrue(done.isDone("http://h.test/a"));
    assertTrue(done.isDone(longUrl));
    assertTrue(done.isDone("http://h.test/c"));
    assertEquals(List.of(), warnings);
  }

  /** Written before results had an outcome: a result without an error kind is a success. */
  @Test
  void resultsWithoutAnOutcomeAreSuccessesWithoutAnErrorKind() throws IOException {
    DoneUrls done = read(journal("old.jsonl",
        "{\"type\":\"result\",\"index\":0,\"url\":\"http://h.test/a\",\"status\":200,"
            + "\"error\":null,\"error_kind\":null}\n",
        "{\"type\":\"result\",\"index\":1,\"url\":\"http://h.test/b\",\"status\":503,"
            + "\"error\":\"HTTP 503\",\"error_kind\":\"http\"}\n"));

    assertTrue(done.isDone("http://h.test/a"));
    assertFalse(done.isDone("http://h.test/b"));
  }

  @Test
  void aJournalThatCannotBeReadIsNamed() {
    Path missing = dir.resolve("missing.jsonl");

    IOException e = assertThrows(IOException.class, () -> read(missing));

    assertTrue(e.getMessage().startsWith(missing + ": "), e.getMessage());
  }

  /**
   * The list has credentials, the journal the URL as every output shows it (redacted): they
   * match, whatever the credentials; a URL with control characters in the journal (escaped in
   * JSON) matches nothing and breaks nothing.
   */
  @Test
  void urlsMatchAsRecordedWithCredentialsRedacted() throws IOException {
    List<UrlEntry> entries = entries("http://alice:s3cret@h.test/a\nhttp://h.test/b\n"
        + "http://h.test/c\n");
    DoneUrls done = read(journal("run.jsonl", success(0, entries.get(0).display()),
        success(1, "http://h.test/b\u0007"), success(2, "http://h.test/c")));

    List<UrlEntry> prepared = new ArrayList<>();
    entries.forEach(entry -> prepared.add(done.skipping(null).apply(entry)));

    assertEquals("http://***@h.test/a", entries.get(0).display());
    assertEquals(DownloadResult.Success.skipped(0, "http://***@h.test/a", null, -1),
        prepared.get(0).settled());
    assertNull(prepared.get(1).settled());
    assertEquals(DownloadResult.Success.skipped(2, "http://h.test/c", null, -1),
        prepared.get(2).settled());
  }

  /** A skipped entry says where its file is, if the run saves and the file is there. */
  @Test
  void aSkippedEntryNamesItsFileWhenItIsThere() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("a"), "12345");
    List<UrlEntry> entries = entries("http://h.test/a\nhttp://h.test/b\nnot a url\n");
    DoneUrls done = read(journal("run.jsonl", success(0, "http://h.test/a"),
        success(1, "http://h.test/b"), success(2, "not a url")));

    UrlEntry a = done.skipping(out).apply(entries.get(0).withTarget("a", null));
    UrlEntry b = done.skipping(out).apply(entries.get(1).withTarget("b", null));
    UrlEntry invalid = done.skipping(out).apply(entries.get(2));

    assertEquals(DownloadResult.Success.skipped(0, "http://h.test/a", "a", 5), a.settled());
    assertEquals(DownloadResult.Success.skipped(1, "http://h.test/b", null, -1), b.settled(),
        "no file there: nothing saved to point at");
    assertSame(entries.get(2), invalid, "an invalid line fails as ever");
  }

  @Test
  void theHashTableGrowsAndKeepsEveryFlag() {
    UrlHashTable table = new UrlHashTable();
    for (int i = 0; i < 50_000; i++) {
      table.put("http://h.test/" + i, i % 3 == 0);
    }
    for (int i = 0; i < 50_000; i += 2) {
      table.put("http://h.test/" + i, true);
    }

    assertEquals(50_000, table.size());
    int flagged = 0;
    for (int i = 0; i < 50_000; i++) {
      boolean expected = i % 2 == 0 || i % 3 == 0;
      flagged += expected ? 1 : 0;
      assertEquals(expected, table.flag("http://h.test/" + i), "url " + i);
    }
    assertNull(table.flag("http://h.test/50000"));
    assertEquals(flagged, table.countFlagged());
  }

  /**
   * URLs that differ in one character anywhere — in a full block, in the tail, or only in length
   * — never share a hash: each of their 128 bits depends on every character.
   */
  @Test
  void similarUrlsNeverShareAHash() {
    java.util.Set<String> keys = new java.util.HashSet<>();
    List<String> urls = new ArrayList<>();
    for (int length = 1; length <= 40; length++) {
      String base = "http://h.test/" + "a".repeat(length);
      urls.add(base);
      for (int at = 0; at < base.length(); at++) {
        for (char c : new char[] {'b', '\u00e9', '\u4e2d'}) {
          urls.add(base.substring(0, at) + c + base.substring(at + 1));
        }
      }
    }
    for (int i = 0; i < 100_000; i++) {
      urls.add("https://example.org/data/part-" + i + ".json");
    }
    for (String url : urls) {
      long[] hash = UrlHashTable.hash(url);
      keys.add(hash[0] + ":" + hash[1]);
    }

    assertEquals(new java.util.HashSet<>(urls).size(), keys.size());
  }

  private static List<UrlEntry> entries(String list) {
    List<UrlEntry> entries = new ArrayList<>();
    try (UrlListReader reader = new UrlListReader("list.txt",
        new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)))) {
      reader.forEachRemaining(entries::add);
    }
    return entries;
  }
}
