package dev.fetch.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.output.HumanUnits;
import dev.fetch.cli.ExitCodes;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.log.Diagnostics;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.ManualInterrupts;
import dev.fetch.testing.TestSite;
import dev.fetch.time.Ticker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --mode=processes} with real worker JVMs and real sockets: crashes, the pool's size, saved
 * files. The shared contract tests (FetchCommandTest, SiteDownloadTest) cover the rest. Every test
 * ends with no worker left alive.
 */
class ProcessPoolTest {
  @TempDir Path dir;
  private final TestSite site = new TestSite();
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(site);
  }

  @BeforeAll
  static void enableTestHooks() {
    System.setProperty(WorkerMain.TEST_HOOKS, "true");
  }

  @AfterAll
  static void disableTestHooks() {
    System.clearProperty(WorkerMain.TEST_HOOKS);
  }

  @AfterEach
  void checkForWorkers() {
    assertEquals(List.of(), liveWorkers(), "every worker exited with its run");
  }

  private Path list(String... paths) {
    return ListFiles.onServer(dir, server, paths);
  }

  private static String[] bytes(int count) {
    return IntStream.range(0, count).mapToObj(i -> "/bytes/" + i).toArray(String[]::new);
  }

  private static String[] concat(String[] paths, String... more) {
    return Stream.concat(Stream.of(paths), Stream.of(more)).toArray(String[]::new);
  }

  /** Each index once, and all of them. */
  private static void assertEachIndexOnce(int count, List<JsonNode> results) {
    assertEquals(IntStream.range(0, count).boxed().collect(Collectors.toList()),
        results.stream().map(n -> n.get("index").asInt()).sorted().collect(Collectors.toList()));
  }

  /**
   * Runs fetch in-process with this JVM's stderr captured: the log and the workers' forwarded
   * stderr go there, not to the command's own error writer. The result's err holds both.
   */
  private static Cli.Result runCapturingStderr(Supplier<Cli.Result> run) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Cli.Result result;
    try {
      result = run.get();
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    original.print(log);
    return new Cli.Result(result.exitCode(), result.out(), result.err() + log);
  }

  private static boolean isWorker(ProcessHandle process) {
    return process.info().arguments()
        .map(args -> List.of(args).contains(WorkerMain.class.getName())).orElse(false);
  }

  private static List<ProcessHandle> liveWorkers() {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .filter(ProcessPoolTest::isWorker).collect(Collectors.toList());
  }

  /** Stops {@code process} with a real SIGSTOP: alive, but it will never answer. */
  private static void sigstop(ProcessHandle process) throws Exception {
    Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid()))
        .redirectErrorStream(true).start();
    assertTrue(kill.waitFor(10, TimeUnit.SECONDS), "kill ran");
    assertEquals(0, kill.exitValue(), "kill -STOP " + process.pid());
  }

  /**
   * Holds the first request for {@code path} in the server until {@code release} opens, after
   * counting {@code held} down; everything else is the test site.
   */
  private Dispatcher holdingFirst(String path, CountDownLatch held, CountDownLatch release) {
    AtomicInteger holds = new AtomicInteger();
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getUrl().encodedPath().equals(path) && holds.incrementAndGet() == 1) {
          held.countDown();
          release.await(30, TimeUnit.SECONDS);
        }
        return site.dispatch(request);
      }
    };
  }

  @Test
  void resultsNameTheWorkerProcessThatRanThem() {
    Cli.Result result = Cli.run("-m", "processes", "-w", "3", "-f", "jsonl",
        list(bytes(30)).toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<JsonNode> results = JsonLines.results(result);
    assertEachIndexOnce(30, results);
    Set<String> workers = new HashSet<>();
    for (JsonNode node : results) {
      assertEquals(node.get("index").asInt(), node.get("bytes").asInt());
      String worker = node.get("worker").asText();
      assertTrue(worker.matches("worker-[123]/pid-\\d+"), worker);
      long pid = Long.parseLong(worker.substring(worker.indexOf("pid-") + 4));
      assertNotEquals(ProcessHandle.current().pid(), pid);
      workers.add(worker);
    }
    assertTrue(workers.size() <= 3, workers.toString());
    assertEquals(0, JsonLines.summary(result).get("worker_crashes").asInt());
  }

  @Test
  void aWorkerThatDiesMidDownloadIsReplacedAndOnlyItsUrlIsTriedAgain() {
    Path list = list(concat(bytes(12), "/kill-once/a"));
    Cli.Result result = runCapturingStderr(() -> Cli.run("-m", "processes", "-w", "2", "-f",
        "jsonl", "--retries", "0", list.toString()));

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<JsonNode> results = JsonLines.results(result);
    assertEachIndexOnce(13, results);
    JsonNode killer = JsonLines.byPath(results, "/kill-once/a");
    assertEquals(100, killer.get("bytes").asInt());
    assertEquals(2, killer.get("attempts").asInt(), "the crash counts as an attempt");
    assertEquals(2, site.hits("a"));
    results.stream().filter(n -> n != killer)
        .forEach(n -> assertEquals(1, n.get("attempts").asInt(), n.toString()));
    assertEquals(1, JsonLines.summary(result).get("worker_crashes").asInt());
    assertTrue(result.err().contains("exited with code 137"), result.err());
  }

  @Test
  void aUrlThatKillsEveryWorkerIsAWorkerCrashAndTheRunStillCompletes() {
    Cli.Result result = Cli.run("-m", "processes", "-w", "2", "--order", "input",
        list(concat(bytes(6), "/kill-always")).toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.toString());
    List<String> lines = result.outLines();
    assertEquals(8, lines.size(), result.toString());
    for (int i = 0; i < 6; i++) {
      assertTrue(lines.get(i).startsWith("Read " + HumanUnits.size(i) + " from"), lines.get(i));
    }
    assertTrue(lines.get(6).startsWith("FAILED " + server.url("/kill-always")
        + ": worker crashed 3 times; last: worker-"), lines.get(6));
    assertTrue(lines.get(6).endsWith(" ms, 3 attempts)"), lines.get(6));
    assertTrue(lines.get(7).matches("7 URLs in \\d+\\.\\d{3} s: 6 succeeded, 1 failed, 15 bytes,"
        + " 3 worker crashes \\(processes, 2 workers\\)"), lines.get(7));
  }

  @Test
  void underContinueAKilledWorkersPartialIsKeptAndOnlyItsTemporaryFilesGo() throws Exception {
    Path out = dir.resolve("out");
    Cli.Result result = Cli.run("-m", "processes", "-w", "1", "--retries", "0", "--continue",
        "-o", out.toString(), "-f", "jsonl", list("/kill-always").toString());

    assertEquals("worker_crash", JsonLines.results(result).get(0).get("error_kind").asText(),
        result::toString);
    assertTrue(Files.exists(out.resolve(".kill-always.fetch-part")), "kept for the next run");
    assertFalse(Files.exists(out.resolve("kill-always")));
  }

  @Test
  void workerCrashIsItsOwnErrorKind() {
    Cli.Result result = Cli.run("-m", "processes", "-w", "1", "-f", "jsonl",
        list("/kill-always").toString());

    JsonNode failure = JsonLines.results(result).get(0);
    assertEquals("worker_crash", failure.get("error_kind").asText(), failure.toString());
    assertEquals(3, failure.get("attempts").asInt());
    assertEquals(3, JsonLines.summary(result).get("worker_crashes").asInt());
  }

  @Test
  void aWorkerKilledWithSigkillIsReplaced() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger holds = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getUrl().encodedPath().equals("/hold") && holds.incrementAndGet() == 1) {
          held.countDown();
          release.await(20, TimeUnit.SECONDS);
        }
        return site.dispatch(request);
      }
    });
    Path list = list(concat(new String[] {"/bytes/1", "/hold"}, "/bytes/2", "/bytes/3"));
    CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> runCapturingStderr(
        () -> Cli.run("-m", "processes", "-w", "1", "-f", "jsonl", "--retries", "0",
            list.toString())));

    assertTrue(held.await(30, TimeUnit.SECONDS), "the worker is mid-request");
    List<ProcessHandle> workers = liveWorkers();
    assertEquals(1, workers.size(), workers.toString());
    assertTrue(workers.get(0).destroyForcibly(), "SIGKILL sent");
    workers.get(0).onExit().get(10, TimeUnit.SECONDS);
    release.countDown();
    Cli.Result result = run.get(60, TimeUnit.SECONDS);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<JsonNode> results = JsonLines.results(result);
    assertEachIndexOnce(4, results);
    JsonNode hold = JsonLines.byPath(results, "/hold");
    assertEquals(2, hold.get("attempts").asInt());
    assertEquals(2, holds.get());
    assertFalse(hold.get("worker").asText().endsWith("/pid-" + workers.get(0).pid()));
    assertTrue(result.err().contains("/pid-" + workers.get(0).pid() + " exited with code 137"),
        result.err());
  }

  @Test
  @Timeout(60)
  void aRetryAfterDateCenturiesAheadIsAFailureNotAHang() {
    Cli.Result result = Cli.run("-m", "processes", "-w", "2", "-f", "jsonl", "--retries", "0",
        list("/retry-after-date-far", "/bytes/3", "/bytes/4").toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.toString());
    List<JsonNode> results = JsonLines.results(result);
    assertEachIndexOnce(3, results);
    JsonNode far = JsonLines.byPath(results, "/retry-after-date-far");
    assertEquals("http", far.get("error_kind").asText(), far.toString());
    assertEquals(503, far.get("status").asInt(), far.toString());
    assertEquals(0, JsonLines.summary(result).get("worker_crashes").asInt());
  }

  @Test
  @Timeout(60)
  void anExceptionInsideAWorkersDownloadIsThatUrlsFailureAndTheWorkerGoesOn() {
    Cli.Result result = Cli.run("-m", "processes", "-w", "1", "-f", "jsonl", "--retries", "0",
        list("/bytes/1", "/throw", "/bytes/2").toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.toString());
    List<JsonNode> results = JsonLines.results(result);
    assertEachIndexOnce(3, results);
    JsonNode thrown = JsonLines.byPath(results, "/throw");
    assertEquals("io", thrown.get("error_kind").asText(), thrown.toString());
    assertTrue(thrown.get("error").asText().startsWith("internal error in worker: "
        + "java.lang.IllegalStateException: test hook"), thrown.toString());
    assertEquals(1, results.stream().map(n -> n.get("worker").asText()).distinct().count(),
        "the same worker ran the URLs after it: " + results);
    assertEquals(2, JsonLines.summary(result).get("succeeded").asInt());
    assertEquals(0, JsonLines.summary(result).get("worker_crashes").asInt());
  }

  @Test
  @Timeout(60)
  void aWorkerStoppedWithSigstopIsKilledAtItsDeadlineAndItsUrlTriedOnANewWorker()
      throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(holdingFirst("/hold", held, release));
    // Deadline: 1 attempt × (0.5 s + 2 s), no retries, + 0.5 s margin = 3 s.
    DownloadSettings settings = DownloadSettings.builder().connectTimeout(Duration.ofMillis(500))
        .timeout(Duration.ofSeconds(2)).retries(0).build();
    StringWriter log = new StringWriter();
    WorkerPool pool = new WorkerPool(WorkerJvm.current(), settings, Ticker.system(),
        Diagnostics.to(new PrintWriter(log, true), false), Duration.ofMillis(500));
    ExecutorService owner = Executors.newSingleThreadExecutor();
    try {
      Future<DownloadResult> download = owner.submit(
          () -> pool.download(new DownloadRequest(0, server.url("/hold"))));
      assertTrue(held.await(30, TimeUnit.SECONDS), "the worker is mid-request");
      List<ProcessHandle> workers = liveWorkers();
      assertEquals(1, workers.size(), workers.toString());
      ProcessHandle stopped = workers.get(0);
      sigstop(stopped);

      DownloadResult result = download.get(30, TimeUnit.SECONDS);

      assertTrue(result.succeeded(), result.toString());
      assertEquals(2, result.attempts(), "the stall counts as an attempt");
      assertFalse(result.worker().endsWith("/pid-" + stopped.pid()), result.worker());
      assertEquals(1, pool.crashes());
      stopped.onExit().get(10, TimeUnit.SECONDS);
      assertTrue(log.toString().contains("/pid-" + stopped.pid()
          + " stopped answering (no reply within 3 s)"), log.toString());
    } finally {
      release.countDown();
      pool.close();
      owner.shutdownNow();
    }
  }

  @Test
  @Timeout(60)
  void anInterruptedRunWithAStoppedWorkerPrintsItsSummaryAtOnce() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(holdingFirst("/hold", held, release));
    ManualInterrupts interrupts = new ManualInterrupts();
    Path list = list("/bytes/1", "/hold", "/bytes/2");
    CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.runWith(
        interrupts, InputStream.nullInputStream(), "-m", "processes", "-w", "1", "-f", "jsonl",
        list.toString()));
    try {
      assertTrue(held.await(30, TimeUnit.SECONDS), "the worker is mid-request");
      List<ProcessHandle> workers = liveWorkers();
      assertEquals(1, workers.size(), workers.toString());
      sigstop(workers.get(0));

      long fired = System.nanoTime();
      interrupts.fire(ExitCodes.INTERRUPTED);
      Cli.Result result = run.get(30, TimeUnit.SECONDS);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - fired);

      // The signal watchdog halts the JVM 3 s after the signal: the summary must come well
      // before, whatever the stopped worker does.
      assertTrue(millis < 2_000, "the run took " + millis + " ms to stop");
      assertEquals(ExitCodes.INTERRUPTED, result.exitCode(), result.toString());
      JsonNode summary = JsonLines.summary(result);
      assertEquals("summary", summary.get("type").asText(), result.toString());
      assertEquals(1, summary.get("succeeded").asInt(), result.toString());
      workers.get(0).onExit().get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
    }
  }

  @Test
  void oneWorkerRunsEveryUrl() {
    Cli.Result result = Cli.run("-m", "processes", "--workers=1", "-f", "jsonl",
        list(bytes(8)).toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<JsonNode> results = JsonLines.results(result);
    assertEachIndexOnce(8, results);
    assertEquals(1, results.stream().map(n -> n.get("worker").asText()).distinct().count());
    assertEquals(1, JsonLines.summary(result).get("workers").asInt());
  }

  @Test
  void aMissingListIsTheSameErrorAsInProcessAndEndsTheWorkersStartedEarly() {
    String missing = dir.resolve("missing.txt").toString();

    Cli.Result processes = Cli.run("-m", "processes", "--workers=2", missing);
    Cli.Result threads = Cli.run("-m", "threads", "--workers=2", missing);

    assertEquals(threads.exitCode(), processes.exitCode(), processes.toString());
    assertEquals(threads.err(), processes.err());
    assertEquals("", processes.out());
    // checkForWorkers: the spares started before the list was opened are gone.
  }

  @Test
  void withoutEarlyStartWorkersStartAsTheirThreadsNeedThem() {
    System.setProperty("dev.fetch.worker.spares", "false");
    try {
      Cli.Result result = Cli.run("-m", "processes", "--workers=2", "-f", "jsonl",
          list(bytes(4)).toString());

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertEachIndexOnce(4, JsonLines.results(result));
    } finally {
      System.clearProperty("dev.fetch.worker.spares");
    }
  }

  @Test
  void moreWorkersThanUrlsStartsNoMoreProcessesThanUrls() {
    Cli.Result result = Cli.run("-m", "processes", "--workers=12", "-f", "jsonl",
        list(bytes(3)).toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<JsonNode> results = JsonLines.results(result);
    assertEachIndexOnce(3, results);
    assertEquals(12, JsonLines.summary(result).get("workers").asInt());
    // A pool thread starts its worker on its first URL, so every worker started ran a URL.
    long workers = results.stream().map(n -> n.get("worker").asText()).distinct().count();
    assertTrue(workers >= 1 && workers <= 3, workers + " workers");
  }

  @Test
  void workersSaveCompleteFilesUnderNamesUniqueAcrossWorkers() throws IOException {
    Path out = dir.resolve("out");
    Cli.Result result = Cli.run("-m", "processes", "-w", "3", "--output-dir", out.toString(),
        list("/a/page", "/b/page", "/c/page", "/d/page", "/bytes/5000").toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("5000", "page", "page-1", "page-2", "page-3"),
          files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
    Set<String> bodies = new HashSet<>();
    for (String name : List.of("page", "page-1", "page-2", "page-3")) {
      bodies.add(Files.readString(out.resolve(name)));
    }
    assertEquals(Set.of("/a/page", "/b/page", "/c/page", "/d/page"), bodies);
    assertEquals(TestSite.body(5000).readUtf8(), Files.readString(out.resolve("5000")));
  }

  @Test
  void aDeadWorkersPartialFileIsRemoved() throws IOException {
    Path out = dir.resolve("out");
    Cli.Result result = Cli.run("-m", "processes", "-w", "1", "--output-dir", out.toString(),
        list("/kill-once/b", "/bytes/10").toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("10", "b"),
          files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
  }
}
