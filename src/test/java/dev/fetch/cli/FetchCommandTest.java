package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.fetch.output.HumanUnits;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Modes;
import dev.fetch.testing.Cli;
import dev.fetch.testing.FakeTime;
import dev.fetch.testing.FixedDispatcher;
import dev.fetch.testing.GateDispatcher;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The root command end to end, in-process, against a real server on 127.0.0.1. */
class FetchCommandTest {
  @TempDir Path dir;
  private final TestSite site = new TestSite();
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(site);
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  private Path list(String... paths) {
    return ListFiles.onServer(dir, server, paths);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void byteCountsAndStatusesMatchWhatWasServed(Mode mode) throws IOException {
    Modes.assumeAvailable(mode);
    Path list = list("/bytes/0", "/bytes/1", "/bytes/129886", "/gzip/50000", "/status/404");
    Cli.Result result = Cli.run("--mode", mode.toString(), "--workers", "3", "--format",
        "jsonl", "--retries", "0", list.toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.toString());
    List<JsonNode> nodes = JsonLines.lines(result);
    assertEquals(6, nodes.size(), result.toString());
    Map<String, JsonNode> byUrl = JsonLines.byUrl(nodes);
    assertEquals(0, byUrl.get(url("/bytes/0")).get("bytes").asLong());
    assertEquals(1, byUrl.get(url("/bytes/1")).get("bytes").asLong());
    assertEquals(129886, byUrl.get(url("/bytes/129886")).get("bytes").asLong());
    assertEquals(50000, byUrl.get(url("/gzip/50000")).get("bytes").asLong(), "decoded length");
    for (String ok : List.of("/bytes/0", "/bytes/1", "/bytes/129886", "/gzip/50000")) {
      JsonNode node = byUrl.get(url(ok));
      assertEquals(200, node.get("status").asInt());
      assertTrue(node.get("error").isNull());
      assertTrue(node.get("error_kind").isNull());
      assertEquals(1, node.get("attempts").asInt());
      String worker = mode == Mode.ASYNC ? "async-\\d+" : mode == Mode.VIRTUAL ? "virtual-\\d+"
          : mode == Mode.PROCESSES ? "worker-\\d+/pid-\\d+" : "worker-\\d+";
      assertTrue(node.get("worker").asText().matches(worker), node.toString());
    }
    JsonNode missing = byUrl.get(url("/status/404"));
    assertEquals(404, missing.get("status").asInt());
    assertEquals("http", missing.get("error_kind").asText());
    assertEquals("HTTP 404 Client Error", missing.get("error").asText());

    JsonNode summary = nodes.get(nodes.size() - 1);
    assertEquals("summary", summary.get("type").asText());
    assertEquals(mode.toString(), summary.get("mode").asText());
    assertEquals(mode == Mode.SEQUENTIAL ? 1 : 3, summary.get("workers").asInt());
    assertEquals(5, summary.get("urls").asInt());
    assertEquals(4, summary.get("succeeded").asInt());
    assertEquals(1, summary.get("failed").asInt());
    assertEquals(0 + 1 + 129886 + 50000 + "status 404".length(), summary.get("bytes").asLong());
    assertFalse(summary.get("interrupted").asBoolean());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyUrlHasExactlyOneResultAndIndexesCoverTheInput(Mode mode) throws IOException {
    Modes.assumeAvailable(mode);
    String[] paths = Stream.iterate(0, i -> i + 1).limit(60)
        .map(i -> i % 10 == 7 ? "ftp://nope/" + i : "/bytes/" + i).toArray(String[]::new);
    Cli.Result result = Cli.run("-m", mode.toString(), "-w", "4", "-f", "jsonl", "--retries",
        "0", list(paths).toString());

    List<JsonNode> results = JsonLines.lines(result).stream()
        .filter(n -> n.get("type").asText().equals("result")).collect(Collectors.toList());
    assertEquals(60, results.size());
    List<Integer> indexes = results.stream().map(n -> n.get("index").asInt()).sorted()
        .collect(Collectors.toList());
    assertEquals(Stream.iterate(0, i -> i + 1).limit(60).collect(Collectors.toList()), indexes);
    for (JsonNode node : results) {
      int i = node.get("index").asInt();
      if (i % 10 == 7) {
        assertEquals("invalid_url", node.get("error_kind").asText());
      } else {
        assertEquals(i, node.get("bytes").asInt());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void inputOrderPrintsInTheOrderOfTheList(Mode mode) {
    Modes.assumeAvailable(mode);
    String[] paths = Stream.iterate(0, i -> i + 1).limit(30).map(i -> "/bytes/" + (i * 100))
        .toArray(String[]::new);
    Cli.Result result = Cli.run("-m", mode.toString(), "-w", "8", "--order", "input",
        list(paths).toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<String> lines = result.outLines();
    assertEquals(31, lines.size());
    for (int i = 0; i < 30; i++) {
      assertTrue(lines.get(i).startsWith("Read " + HumanUnits.size(i * 100) + " from "
          + url("/bytes/" + (i * 100)) + " (200, "), lines.get(i));
    }
    assertTrue(lines.get(30).startsWith("30 URLs in "), lines.get(30));
    assertTrue(lines.get(30).matches(".* s: 30 succeeded, 0 failed, 42\\.5 KiB, [0-9.]+ [kMG]?B/s \\("
        + (mode == Mode.SEQUENTIAL ? "sequential, 1 worker\\)" : mode + ", 8 workers\\)")),
        lines.get(30));
  }

  @ParameterizedTest
  @CsvSource({"threads, 1", "threads, 2", "threads, 5", "threads, 16", "threads, 100",
      "virtual, 1", "virtual, 5", "virtual, 100", "async, 1", "async, 5", "async, 100"})
  void workersRequestsAreInFlightAtOnceAndNoMore(String modeName, int workers)
      throws IOException {
    Mode mode = Mode.valueOf(modeName.toUpperCase(java.util.Locale.ROOT));
    Modes.assumeAvailable(mode);
    GateDispatcher gate = new GateDispatcher(workers, 20);
    server.setDispatcher(gate);
    String[] paths = Stream.iterate(0, i -> i + 1).limit(workers * 3L).map(i -> "/page/" + i)
        .toArray(String[]::new);
    Cli.Result result = Cli.run("-m", modeName, "-w", String.valueOf(workers), "-q",
        list(paths).toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(gate.opened(), workers + " requests were never in flight together");
    assertEquals(workers, gate.maxInFlight());
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"THREADS", "PROCESSES", "VIRTUAL", "ASYNC"})
  void perHostCapsEachHostAcrossAllWorkers(Mode mode) throws IOException {
    Modes.assumeAvailable(mode);
    // Two host names for the one server: 3 at once to each, so 6 in all, never more.
    GateDispatcher gate = new GateDispatcher(6, 20);
    server.setDispatcher(gate);
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String host = i % 2 == 0 ? "127.0.0.1" : "localhost";
      urls.add("http://" + host + ":" + server.getPort() + "/page/" + i);
    }
    // More workers than the 6 places; a few for processes, where each is a JVM.
    String workers = mode == Mode.PROCESSES ? "8" : "20";
    Cli.Result result = Cli.run("-m", mode.toString(), "-w", workers, "--per-host", "3", "-q",
        ListFiles.write(dir, urls).toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(gate.opened(), "3 requests per host were in flight together");
    assertEquals(6, gate.maxInFlight());
  }

  @Test
  void virtualModeOnJava17IsUnavailableWithItsOwnExitCode() {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        dev.fetch.strategy.VirtualThreads.available(), "this runtime has virtual threads");
    Cli.Result result = Cli.run("-m", "virtual", list("/bytes/1").toString());

    assertEquals(ExitCodes.MODE_UNAVAILABLE, result.exitCode());
    assertEquals("fetch: --mode=virtual needs Java 21 or newer; this is Java "
        + Runtime.version() + " (set JAVA_HOME to a newer JDK)\n", result.err());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void sequentialModeNeverOverlapsRequests() {
    GateDispatcher gate = new GateDispatcher(1, 20);
    server.setDispatcher(gate);
    Cli.Result result = Cli.run("-m", "sequential", "-q",
        list("/a", "/b", "/c", "/d", "/e", "/f").toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(1, gate.maxInFlight());
  }

  @Test
  void traceHasATrackPerWorkerAndABarPerUrl() throws IOException {
    Path trace = dir.resolve("trace.json");
    Cli.Result result = Cli.run("-w", "3", "--trace", trace.toString(), "-q",
        list("/bytes/1", "/bytes/2", "/bytes/3", "/bytes/4", "/bytes/5", "/bytes/6").toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    JsonNode events = JsonLines.read(trace).get("traceEvents");
    int bars = 0;
    java.util.Set<Integer> tracks = new java.util.HashSet<>();
    for (JsonNode e : events) {
      if (e.get("ph").asText().equals("X")) {
        bars++;
        tracks.add(e.get("tid").asInt());
        assertTrue(e.get("name").asText().startsWith(url("/bytes/")), e.toString());
      } else if (e.get("name").asText().equals("process_name")) {
        assertEquals("fetch threads:3", e.get("args").get("name").asText());
      }
    }
    assertEquals(6, bars);
    assertTrue(tracks.size() >= 1 && tracks.size() <= 3, tracks.toString());
  }

  @Test
  void textFormatPrintsTheTutorialsLines() {
    Cli.Result result = Cli.run("-m", "sequential", "--retries", "0",
        list("/bytes/129886", "/status/500", "ftp://example.com/x").toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode());
    List<String> lines = result.outLines();
    assertTrue(lines.get(0).matches("Read 126\\.8 KiB from "
        + java.util.regex.Pattern.quote(url("/bytes/129886"))
        + " \\(200, \\d+ ms, [0-9.]+ [kMG]?B/s\\)"),
        lines.get(0));
    assertTrue(lines.get(1).matches("FAILED " + java.util.regex.Pattern.quote(url("/status/500"))
        + ": HTTP 500 Server Error \\(500, \\d+ ms\\)"), lines.get(1));
    assertTrue(lines.get(2).matches("FAILED ftp://example.com/x: .*:3: unsupported scheme 'ftp'"
        + " \\(only http and https\\)"), lines.get(2));
    assertTrue(lines.get(3).matches("3 URLs in \\d+\\.\\d{3} s: 1 succeeded, 2 failed, "
        + "126\\.9 KiB, [0-9.]+ [kMG]?B/s \\(sequential, 1 worker\\)"), lines.get(3));
  }

  @Test
  void csvFormatParsesBack() throws IOException {
    Cli.Result result = Cli.run("-f", "csv", "--retries", "0",
        list("/bytes/10", "/status/404", "not a url").toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode());
    CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it =
        csv.readerForListOf(String.class).readValues(result.out())) {
      it.forEachRemaining(rows::add);
    }
    assertEquals(List.of("index", "url", "status", "bytes", "elapsed_ms", "attempts", "worker",
        "error_kind", "error", "protocol", "outcome", "path", "file_bytes"), rows.get(0));
    assertEquals(4, rows.size(), result.out());
    Map<String, List<String>> byUrl = rows.subList(1, 4).stream()
        .collect(Collectors.toMap(r -> r.get(1), r -> r));
    assertEquals(List.of("0", url("/bytes/10"), "200", "10"), byUrl.get(url("/bytes/10"))
        .subList(0, 4));
    assertEquals("", byUrl.get(url("/bytes/10")).get(7));
    assertEquals("http", byUrl.get(url("/status/404")).get(7));
    List<String> invalid = byUrl.get("not a url");
    assertEquals(List.of("2", "not a url", "", "0"), invalid.subList(0, 4));
    assertEquals("invalid_url", invalid.get(7));
    assertEquals(List.of("http/1.1", "http/1.1", ""), List.of(byUrl.get(url("/bytes/10")).get(9),
        byUrl.get(url("/status/404")).get(9), invalid.get(9)));
    assertTrue(result.err().contains("3 URLs in "), "the CSV summary goes to stderr");
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"THREADS", "ASYNC"})
  void failedRequestsAreRetriedAndCounted(Mode mode) throws IOException {
    Cli.Result result = Cli.run("-m", mode.toString(), "-f", "jsonl", "--retries", "2",
        list("/flaky/a?fails=1&status=500", "/flaky/b?fails=5&status=503",
            "/flaky/c?fails=1&status=404").toString());

    Map<String, JsonNode> byUrl = JsonLines.byUrl(JsonLines.lines(result));
    JsonNode recovered = byUrl.get(url("/flaky/a?fails=1&status=500"));
    assertEquals(200, recovered.get("status").asInt());
    assertEquals(2, recovered.get("attempts").asInt());
    JsonNode exhausted = byUrl.get(url("/flaky/b?fails=5&status=503"));
    assertEquals(503, exhausted.get("status").asInt());
    assertEquals(3, exhausted.get("attempts").asInt());
    assertEquals(3, site.hits("b"));
    JsonNode notRetried = byUrl.get(url("/flaky/c?fails=1&status=404"));
    assertEquals(404, notRetried.get("status").asInt());
    assertEquals(1, notRetried.get("attempts").asInt());
    assertEquals(1, site.hits("c"));
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void retryAfterIsHonoured() throws IOException {
    FakeTime time = new FakeTime();
    Cli.Result result = Cli.runWithTime(time.time(), "-f", "jsonl", "--retries", "1",
        list("/flaky/r?fails=1&status=503&retry-after=1").toString());

    JsonNode node = JsonLines.byUrl(JsonLines.lines(result)).get(url(
        "/flaky/r?fails=1&status=503&retry-after=1"));
    assertEquals(200, node.get("status").asInt());
    assertEquals(2, node.get("attempts").asInt());
    assertEquals(List.of(Duration.ofSeconds(1)), time.waits(),
        "waited the second the server asked for, on the injected sleeper");
    assertTrue(node.get("elapsed_ms").asDouble() >= 1000, "and counts it: " + node);
    assertEquals(ExitCodes.OK, result.exitCode());
  }

  @Test
  void bodyCutShortIsTruncatedNeverASuccess() throws IOException {
    Cli.Result result = Cli.run("-f", "jsonl", "--retries", "1", list("/drop/100000")
        .toString());

    JsonNode node = JsonLines.byUrl(JsonLines.lines(result)).get(url("/drop/100000"));
    assertEquals("truncated", node.get("error_kind").asText(), node.toString());
    assertEquals(2, node.get("attempts").asInt(), "retried once");
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void stalledBodyTimesOut() throws IOException {
    Cli.Result result = Cli.run("-f", "jsonl", "--retries", "0", "--timeout", "300ms",
        list("/stall").toString());

    JsonNode node = JsonLines.byUrl(JsonLines.lines(result)).get(url("/stall"));
    assertEquals("timeout", node.get("error_kind").asText(), node.toString());
    assertEquals(200, node.get("status").asInt());
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void timeoutCoversTheWholeRequestNotJustIdleReads() throws IOException {
    Cli.Result result = Cli.run("-f", "jsonl", "--retries", "0", "--timeout", "500ms",
        list("/trickle/20000").toString());

    JsonNode node = JsonLines.byUrl(JsonLines.lines(result)).get(url("/trickle/20000"));
    assertEquals("timeout", node.get("error_kind").asText(), node.toString());
    assertTrue(node.get("elapsed_ms").asDouble() < 5000, "cut at --timeout: " + node);
    assertTrue(node.get("bytes").asLong() > 0, "some bytes had arrived: " + node);
  }

  @Test
  void durationsTakeUnitsPlainSecondsAndZeroForNoLimit() {
    Path list = list("/bytes/1");
    assertEquals(ExitCodes.OK, Cli.run("--timeout", "0", "--connect-timeout", "0",
        list.toString()).exitCode());
    assertEquals(ExitCodes.OK, Cli.run("--timeout", "30", list.toString()).exitCode());
    Cli.Result tooLong = Cli.run("--timeout", "99999999999999999h", list.toString());
    assertEquals(ExitCodes.USAGE, tooLong.exitCode());
    assertTrue(tooLong.err().contains("'99999999999999999h' is too long; the most is 24 days"),
        tooLong.err());
  }

  @Test
  void aLocalWriteFailureIsNotRetried() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out/sub"));
    Cli.Result result = Cli.run("-f", "jsonl", "--output-dir", out.getParent().toString(),
        list("/sub").toString());

    JsonNode node = JsonLines.lines(result).get(0);
    assertEquals("io", node.get("error_kind").asText(), node.toString());
    assertEquals(1, node.get("attempts").asInt(), "downloading again cannot help");
    assertEquals(1, server.getRequestCount());
    assertTrue(Files.isDirectory(out), "the directory in the way is untouched");
  }

  @Test
  void saveFailedMayOverwriteTheListBeingRead() throws IOException {
    List<String> urls = new ArrayList<>();
    String padding = "x".repeat(250);
    for (int i = 0; i < 300; i++) {
      urls.add(url("/status/404/" + padding + "/" + i));
    }
    Path list = ListFiles.write(dir, urls);
    assertTrue(Files.size(list) > 64 * 1024, "longer than one read buffer");
    Cli.Result result = Cli.run("-q", "-w", "16", "--retries", "0", "--save-failed",
        list.toString(), list.toString());

    assertTrue(result.out().startsWith("300 URLs in "), result.out());
    assertEquals(urls, Files.readAllLines(list).stream().sorted(
        java.util.Comparator.comparingInt(u -> Integer.parseInt(u.substring(u.lastIndexOf('/')
            + 1)))).collect(Collectors.toList()));
  }

  @Test
  void inputOrderHoldsBackResultsThatFinishEarly() {
    int others = 10;
    String[] paths = new String[others + 1];
    paths[0] = "/first";
    for (int i = 1; i <= others; i++) {
      paths[i] = "/other/" + i;
    }
    Path list = list(paths);

    // /first is answered only after the server has answered every other URL, so in completion
    // order it would (almost always) come late; in input order it must come first.
    holdFirstUntilOthersServed(others);
    Cli.Result input = Cli.run("-w", "11", "--order", "input", list.toString());
    for (int i = 0; i <= others; i++) {
      assertTrue(input.outLines().get(i).contains(paths[i] + " "), input.out());
    }
  }

  /** Answers {@code /first} only once {@code others} other requests have been answered. */
  private void holdFirstUntilOthersServed(int others) {
    java.util.concurrent.CountDownLatch othersServed =
        new java.util.concurrent.CountDownLatch(others);
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request)
          throws InterruptedException {
        if (request.getUrl().encodedPath().equals("/first")) {
          assertTrue(othersServed.await(20, java.util.concurrent.TimeUnit.SECONDS));
        } else {
          othersServed.countDown();
        }
        return new mockwebserver3.MockResponse.Builder().body(request.getUrl().encodedPath())
            .build();
      }
    });
  }

  @Test
  void connectionRefusedIsAConnectFailure() throws IOException {
    int port = server.getPort();
    server.close();
    Path list = ListFiles.write(dir, List.of("http://127.0.0.1:" + port + "/gone"));
    Cli.Result result = Cli.run("-f", "jsonl", "--retries", "0", list.toString());

    JsonNode node = JsonLines.lines(result).get(0);
    assertEquals("connect", node.get("error_kind").asText(), node.toString());
    assertTrue(node.get("status").isNull());
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void redirectsAreFollowed() throws IOException {
    Cli.Result result = Cli.run("-f", "jsonl", list("/redirect/3").toString());

    JsonNode node = JsonLines.lines(result).get(0);
    assertEquals(url("/redirect/3"), node.get("url").asText(), "the URL as given");
    assertEquals(10, node.get("bytes").asInt());
    assertEquals(ExitCodes.OK, result.exitCode());
  }

  @Test
  void redirectToAnotherSchemeIsAFailureNotASuccess() throws IOException {
    server.setDispatcher(new FixedDispatcher(new mockwebserver3.MockResponse.Builder()
        .code(302).addHeader("Location", "ftp://user:pw@files.example/x").build()));
    Cli.Result result = Cli.run("-f", "jsonl", list("/moved").toString());

    JsonNode node = JsonLines.lines(result).get(0);
    assertEquals(302, node.get("status").asInt());
    assertEquals("http", node.get("error_kind").asText());
    assertEquals("HTTP 302 Redirection: redirect not followed (to ftp://***@files.example/x)",
        node.get("error").asText());
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void invalidLinesAreReportedWithLineNumbersAndTheRestDownloaded() throws IOException {
    Path list = ListFiles.write(dir, List.of("# comment", url("/bytes/5"), "", "ftp://x/y",
        "relative/path", "http://user:secret@127.0.0.1:1 /bad", url("/bytes/6")));
    Cli.Result result = Cli.run("-f", "jsonl", list.toString());

    assertTrue(result.err().contains(list + ":4: unsupported scheme 'ftp'"), result.err());
    assertTrue(result.err().contains(list + ":5: not an absolute URL"), result.err());
    assertTrue(result.err().contains(list + ":6: contains a space"), result.err());
    assertFalse(result.out().contains("secret") || result.err().contains("secret"));
    List<JsonNode> nodes = JsonLines.lines(result);
    assertEquals(6, nodes.size());
    Map<String, JsonNode> byUrl = JsonLines.byUrl(nodes);
    assertEquals(5, byUrl.get(url("/bytes/5")).get("bytes").asInt());
    assertEquals(6, byUrl.get(url("/bytes/6")).get("bytes").asInt());
    assertEquals("invalid_url", byUrl.get("ftp://x/y").get("error_kind").asText());
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void credentialsAreSentButNeverPrinted() throws Exception {
    String withCredentials = url("/bytes/3").replace("http://", "http://alice:s3cret@");
    Path list = ListFiles.write(dir, List.of(withCredentials));
    Path failed = dir.resolve("failed.txt");
    Cli.Result result = Cli.run("-f", "jsonl", "-v", list.toString(), "--save-failed",
        failed.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertFalse(result.out().contains("s3cret") || result.out().contains("alice"), result.out());
    assertFalse(result.err().contains("s3cret"), result.err());
    assertTrue(result.out().contains("\"url\":\"" + withCredentials.replace("alice:s3cret@",
        "***@") + "\""), result.out());
    assertEquals(okhttp3.Credentials.basic("alice", "s3cret"),
        server.takeRequest().getHeaders().get("Authorization"), "sent as Basic authentication");
  }

  @Test
  void readsStandardInput() throws IOException {
    Cli.Result result = Cli.runWithStdin(url("/bytes/7") + "\n" + url("/bytes/8") + "\n",
        "-f", "jsonl", "-");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(3, JsonLines.lines(result).size());
  }

  @Test
  void missingFileIsAUsageErrorNamingIt() {
    Cli.Result result = Cli.run(dir.resolve("nope.txt").toString());

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("fetch: " + dir.resolve("nope.txt") + ": no such file\n", result.err());
    assertEquals("", result.out());
  }

  @Test
  void directoryIsAUsageError() {
    Cli.Result result = Cli.run(dir.toString());

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("fetch: " + dir + ": is a directory, not a URL list\n", result.err());
  }

  @Test
  void listWithoutUrlsIsAUsageError() {
    Path list = ListFiles.write(dir, List.of("# only a comment", "", "   "));
    Cli.Result result = Cli.run(list.toString());

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertEquals("fetch: " + list + ": no URLs (the list is empty or has only blank lines and"
        + " comments)\n", result.err());
    assertEquals(ExitCodes.USAGE, Cli.runWithStdin("", "-").exitCode());
  }

  @Test
  void badOptionsAreUsageErrors() {
    Path list = list("/bytes/1");
    Cli.Result mode = Cli.run("--mode", "warp", list.toString());
    assertEquals(ExitCodes.USAGE, mode.exitCode());
    assertTrue(mode.err().contains(
        "'warp' is not one of sequential, threads, processes, virtual, async"), mode.err());

    Cli.Result timeout = Cli.run("--timeout", "soon", list.toString());
    assertEquals(ExitCodes.USAGE, timeout.exitCode());
    assertTrue(timeout.err().contains("'soon' is not a duration"), timeout.err());

    Cli.Result workers = Cli.run("--workers", "0", list.toString());
    assertEquals(ExitCodes.USAGE, workers.exitCode());
    assertTrue(workers.err().contains("--workers must be between 1 and 10000, not 0"),
        workers.err());

    assertEquals(ExitCodes.USAGE, Cli.run().exitCode(), "no list given");
  }

  @Test
  void helpAndVersion() {
    Cli.Result help = Cli.run("--help");
    assertEquals(ExitCodes.OK, help.exitCode());
    assertTrue(help.out().replaceAll("\\s+", " ").contains(
        "Concurrency strategy: sequential, threads, processes, virtual, async (default: threads)"),
        help.out());
    assertTrue(help.out().contains("--timeout=DURATION"), help.out());
    assertTrue(help.out().contains("Examples:"), help.out());
    Cli.Result version = Cli.run("--version");
    assertEquals(ExitCodes.OK, version.exitCode());
    assertTrue(version.out().startsWith("fetch "), version.out());
  }

  @Test
  void quietPrintsOnlyTheSummary() {
    Cli.Result result = Cli.run("-q", list("/bytes/1", "/bytes/2").toString());

    assertEquals(1, result.outLines().size(), result.out());
    assertTrue(result.out().startsWith("2 URLs in "), result.out());
  }

  @Test
  void saveFailedListsFailedUrlsReadyToFeedBack() throws IOException {
    Path failed = dir.resolve("failed.txt");
    Cli.Result result = Cli.run("--retries", "0", "--save-failed", failed.toString(),
        list("/bytes/1", "/status/404", "/status/500").toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode());
    assertEquals(List.of(url("/status/404"), url("/status/500")),
        Files.readAllLines(failed).stream().sorted().collect(Collectors.toList()));
    assertEquals(ExitCodes.FAILURES, Cli.run("--retries", "0", failed.toString()).exitCode());
  }

  @Test
  void outputDirReceivesCompleteFilesOnly() throws IOException {
    Path out = dir.resolve("pages/nested");
    Cli.Result result = Cli.run("--retries", "0", "--output-dir", out.toString(),
        list("/bytes/1000", "/files/page.html", "/other/page.html", "/drop/5000",
            "/status/404", "/a/..%2F..%2Fescape").toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.toString());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(".._.._escape", "1000", "page-1.html", "page.html"),
          files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
    assertEquals(1000, Files.size(out.resolve("1000")));
    assertEquals(TestSite.body(1000).readUtf8(), Files.readString(out.resolve("1000")));
    assertFalse(Files.exists(dir.resolve("escape")));
    assertFalse(Files.exists(dir.resolve("pages/escape")));
  }

  @Test
  void unwritableOutputDirFailsBeforeAnyDownload() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    Cli.Result result = Cli.run("--output-dir", file.resolve("sub").toString(),
        list("/bytes/1").toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("fetch: --output-dir: cannot create output directory "),
        result.err());
    assertEquals(0, server.getRequestCount(), "nothing was downloaded");
  }

  @Test
  void verboseIsPerRunNotPerJvm() throws IOException {
    Path urls = list("/flaky/v?fails=1&status=503");

    Cli.Result loud = Cli.run("-v", "--retries", "1", urls.toString());
    Cli.Result quiet = Cli.run("--retries", "1", list("/flaky/w?fails=1&status=503").toString());

    assertTrue(loud.err().contains("attempt 1 failed (HTTP 503"), loud::toString);
    assertTrue(loud.err().contains("GET "), loud::toString);
    assertFalse(quiet.err().contains("GET "), "no debug after an earlier -v: " + quiet);
    assertFalse(quiet.err().contains("retrying in"), quiet::toString);
  }

  @Test
  void anUnwritableTraceOrFailedListIsAUsageErrorBeforeAnyRequest() throws IOException {
    Path urls = list("/bytes/5");
    Path missing = dir.resolve("no-such-dir");

    Cli.Result trace = Cli.run("--trace", missing.resolve("t.json").toString(), urls.toString());
    Cli.Result failed = Cli.run("--save-failed", dir.toString(), urls.toString());

    assertEquals(ExitCodes.USAGE, trace.exitCode(), trace::toString);
    assertTrue(trace.err().contains("--trace: cannot write " + missing.resolve("t.json")
        + " (no such directory " + missing + ")"), trace::toString);
    assertEquals(ExitCodes.USAGE, failed.exitCode(), failed::toString);
    assertTrue(failed.err().contains("--save-failed: cannot write " + dir
        + " (it is a directory)"), failed::toString);
    assertEquals(0, server.getRequestCount(), "nothing was requested");
  }

  @Test
  void helpShowsThisMachinesDefaultWorkersWithoutASystemProperty() {
    Cli.Result help = Cli.run("--help");

    assertTrue(help.out().replaceAll("\\s+", " ").contains("default here: "
        + dev.fetch.strategy.Mode.THREADS.defaultWorkers() + " threads,"), help::toString);
    assertEquals(null, System.getProperty("dev.fetch.defaultWorkers"));
  }
}
