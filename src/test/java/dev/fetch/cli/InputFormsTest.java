package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.ListSite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every form of input through the real command line: URL arguments (as curl and wget take
 * them), list files, {@code -}, {@code -i} lists from files and URLs, and standard input when
 * nothing is named; indexes run on across them in command-line order, and every problem names its
 * input.
 */
class InputFormsTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();
  private final ListSite site = new ListSite();

  {
    server.setDispatcher(site);
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  private Path list(String... paths) {
    return ListFiles.onServer(dir, server, paths);
  }

  /** "index url" of each result, by index. */
  private static List<String> indexed(Cli.Result result) {
    List<String> lines = new ArrayList<>();
    JsonLines.results(result).stream()
        .sorted((a, b) -> a.get("index").asInt() - b.get("index").asInt())
        .forEach(n -> lines.add(n.get("index").asInt() + " " + n.get("url").asText()));
    return lines;
  }

  @Test
  void urlArgumentsAreDownloadedAsCurlAndWgetDo() {
    Cli.Result result = Cli.run("-f", "jsonl", url("/bytes/3"),
        url("/bytes/4").replace("http://", "HTTP://"));

    assertEquals(ExitCodes.OK, result.exitCode(), result::toString);
    assertEquals(List.of("0 " + url("/bytes/3"), "1 " + url("/bytes/4")), indexed(result));
    assertEquals(7, JsonLines.summary(result).get("bytes").asInt());
  }

  @Test
  void severalListsAndAListAtAUrlAreOneListInCommandLineOrder() throws Exception {
    Path first = list("/bytes/1", "/bytes/2");
    site.put("/lists/remote.txt", url("/bytes/3") + "\nnot a url\n" + url("/bytes/4") + "\n");
    Path last = list("# comment", "/bytes/5");

    Cli.Result result = Cli.run("-f", "jsonl", "-i", first.toString(), "-i",
        url("/lists/remote.txt"), last.toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result::toString);
    assertEquals(List.of("0 " + url("/bytes/1"), "1 " + url("/bytes/2"), "2 " + url("/bytes/3"),
        "3 not a url", "4 " + url("/bytes/4"), "5 " + url("/bytes/5")), indexed(result));
    assertEquals(url("/lists/remote.txt") + ":2: contains a space: one URL per line; encode "
        + "spaces in a URL as %20\n", result.err(), "a remote list's line is named URL:LINE");
    assertEquals("/lists/remote.txt", server.takeRequest().getUrl().encodedPath(),
        "the list is downloaded before any URL of the run");
  }

  @Test
  void positionalArgumentsAndInputListsKeepTheirInterleavedOrder() {
    Path a = list("/bytes/1");
    Path b = list("/bytes/2");
    Path c = list("/bytes/3");

    Cli.Result result = Cli.run("-f", "jsonl", a.toString(), "-i", b.toString(),
        url("/bytes/9"), "--input=" + c, "-w", "1");

    assertEquals(List.of("0 " + url("/bytes/1"), "1 " + url("/bytes/2"), "2 " + url("/bytes/9"),
        "3 " + url("/bytes/3")), indexed(result));
  }

  @Test
  void anInvalidLineNamesItsOwnFileAndLine() {
    Path first = list("/bytes/1");
    Path second = list("/bytes/2", "", "ftp://x/y");

    Cli.Result result = Cli.run("-f", "jsonl", first.toString(), second.toString());

    assertEquals(second + ":3: unsupported scheme 'ftp' (only http and https)\n", result.err());
    JsonNode invalid = JsonLines.byPath(JsonLines.results(result), "ftp://x/y");
    assertEquals(2, invalid.get("index").asInt());
  }

  @Test
  void standardInputIsReadWhenItIsAPipeAndNothingIsNamed() {
    Cli.Result result = Cli.runWithStdin(url("/bytes/7") + "\nbad\n", "-f", "jsonl");

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result::toString);
    assertEquals(List.of("0 " + url("/bytes/7"), "1 bad"), indexed(result));
    assertEquals("<stdin>:2: not an absolute URL (expected http:// or https://)\n",
        result.err());
  }

  @Test
  void standardInputIsNotReadWhenSomethingElseIsNamed() {
    InputStream untouchable = new InputStream() {
      @Override
      public int read() {
        return fail("standard input was read");
      }
    };

    Cli.Result result = Cli.runWithStdin(untouchable, "-f", "jsonl", url("/bytes/1"));

    assertEquals(ExitCodes.OK, result.exitCode(), result::toString);
  }

  @Test
  void standardInputTakesItsPlaceAmongTheOthers() {
    Path file = list("/bytes/3");

    Cli.Result result = Cli.runWithStdin(url("/bytes/2") + "\n", "-f", "jsonl",
        url("/bytes/1"), "-i", "-", file.toString());

    assertEquals(List.of("0 " + url("/bytes/1"), "1 " + url("/bytes/2"), "2 " + url("/bytes/3")),
        indexed(result));
  }

  @Test
  void nothingNamedWithATerminalIsAUsageError() {
    Cli.Result result = Cli.run("-f", "jsonl");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().startsWith("fetch: Missing required parameter: 'URL|FILE' (a URL, a "
        + "URL list, or - for standard input; standard input is read when it is a pipe)\n"),
        result.err());
  }

  @Test
  void standardInputNamedTwiceIsAUsageError() {
    Cli.Result result = Cli.runWithStdin("", "-", "-i", "-");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("fetch: standard input (-) can be read only once, but is named 2 times\n",
        result.err());
  }

  @ParameterizedTest
  @CsvSource({"compair, compare", "comapre, compare", "Compare, compare", "servr, serve",
      "sever, serve", "server, serve", "demoo, demo", "dmeo, demo", "seed, ''", "memos, ''",
      "de, ''"})
  void aMistypedSubcommandIsSuggested(String typed, String meant) {
    Cli.Result result = Cli.run(typed, "x");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    if (meant.isEmpty()) {
      assertEquals("fetch: " + typed + ": no such file\n", result.err());
    } else {
      assertEquals("fetch: no such file '" + typed + "'; did you mean 'fetch " + meant + "'?\n",
          result.err());
    }
  }

  @Test
  void aMissingFileFarFromAnySubcommandIsJustMissing() {
    Cli.Result near = Cli.run("seed");
    Cli.Result url = Cli.run("ftp://alice:s3cret@host/list.txt");

    assertEquals("fetch: seed: no such file\n", near.err());
    assertEquals("fetch: ftp://***@host/list.txt: no such file (only http:// and https:// URLs "
        + "are downloaded; any other word names a list file)\n", url.err());
  }

  @Test
  void anInvalidUrlArgumentIsAUsageErrorBeforeAnyRequest() {
    Cli.Result result = Cli.run(url("/bytes/1"), "http://alice:s3cret@[bad/");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("fetch: 'http://***@[bad/' is not a valid URL: malformed URL (bad host or "
        + "port?)\n", result.err());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void everyListFileIsCheckedBeforeAnyRequestEvenTheListAtAUrl() {
    site.put("/lists/l.txt", url("/bytes/1") + "\n");

    Cli.Result result = Cli.run(url("/bytes/1"), "-i", url("/lists/l.txt"),
        dir.resolve("missing.txt").toString());

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("fetch: " + dir.resolve("missing.txt") + ": no such file\n", result.err());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anUnwritableOutputDirectoryIsFoundBeforeAListIsDownloaded() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "");
    site.put("/lists/l.txt", url("/bytes/1") + "\n");

    Cli.Result result = Cli.run("-i", url("/lists/l.txt"), "-o", notADirectory.toString());

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().startsWith("fetch: --output-dir: "), result.err());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aListThatCannotBeDownloadedIsAUsageErrorAndNothingElseIsRequested() {
    String missing = url("/status/404").replace("http://", "http://alice:s3cret@");

    Cli.Result result = Cli.run(url("/bytes/1"), "-i", missing, "--retries", "0");

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("fetch: cannot download the list " + missing.replace("alice:s3cret@", "***@")
        + ": HTTP 404 Client Error\n", result.err());
    assertEquals("", result.out());
    assertEquals(1, server.getRequestCount(), "the list only");
  }

  @Test
  void aListAtAUrlIsFetchedWithTheRunsOptionsAndItsCredentialsAreNeverShown() throws Exception {
    site.put("/lists/private.txt", url("/bytes/1") + "\nhttp://bad host/\n");
    String withCredentials = url("/lists/private.txt").replace("http://",
        "http://alice:s3cret@");

    for (String format : List.of("text", "jsonl", "csv")) {
      Cli.Result result = Cli.run("-f", format, "-v", "-A", "lists/2", "-i", withCredentials);

      assertEquals(ExitCodes.FAILURES, result.exitCode(), result::toString);
      assertFalse(result.out().contains("s3cret") || result.out().contains("alice"),
          result::toString);
      assertFalse(result.err().contains("s3cret") || result.err().contains("alice"),
          result::toString);
      assertTrue(result.err().contains(withCredentials.replace("alice:s3cret@", "***@")
          + ":2: contains a space"), result::toString);
      var request = server.takeRequest();
      assertEquals("lists/2", request.getHeaders().get("User-Agent"));
      assertEquals(Credentials.basic("alice", "s3cret"),
          request.getHeaders().get("Authorization"));
      server.takeRequest();
    }
  }

  @Test
  void saveFailedAndCsvSpanEveryInput() throws IOException {
    Path first = list("/status/404", "/bytes/1");
    site.put("/lists/l.txt", url("/status/410") + "\n");
    Path failed = dir.resolve("failed.txt");

    Cli.Result result = Cli.run("-f", "csv", "--order", "input", "--retries", "0",
        first.toString(), "-i", url("/lists/l.txt"), url("/status/500"), "--save-failed",
        failed.toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result::toString);
    assertEquals(List.of(url("/status/404"), url("/status/410"), url("/status/500")),
        Files.readAllLines(failed, StandardCharsets.UTF_8));
    List<String> rows = result.outLines();
    assertEquals(5, rows.size(), result::toString);
    for (int i = 0; i < 4; i++) {
      assertTrue(rows.get(i + 1).startsWith(i + ","), rows.get(i + 1));
    }
  }

  @Test
  void theTraceHasABarForTheUrlOfEveryInput() {
    Path trace = dir.resolve("trace.json");
    site.put("/lists/l.txt", url("/bytes/2") + "\n");

    Cli.Result result = Cli.run("-q", "--trace", trace.toString(), url("/bytes/1"), "-i",
        url("/lists/l.txt"), list("/bytes/3").toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result::toString);
    List<String> urls = new ArrayList<>();
    for (JsonNode event : JsonLines.read(trace).get("traceEvents")) {
      if (event.get("ph").asText().equals("X")) {
        urls.add(event.get("name").asText());
      }
    }
    urls.sort(null);
    assertEquals(List.of(url("/bytes/1"), url("/bytes/2"), url("/bytes/3")), urls);
  }
}
