package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.ArrivalDispatcher;
import dev.fetch.testing.Cli;
import dev.fetch.testing.Commands;
import dev.fetch.testing.Launcher;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.StreamingServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real {@code ./fetch} launcher as a child process: what a user runs from a shell. */
class LauncherIT {
  @TempDir Path dir;
  private final ArrivalDispatcher site = new ArrivalDispatcher(2);
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(site);
  }

  private Path list(String... paths) {
    return ListFiles.onServer(dir, server, paths);
  }

  @Test
  void downloadsTheListLikeTheTutorial() throws Exception {
    String[] paths = Stream.iterate(1, i -> i + 1).limit(15).map(i -> "/bytes/" + (i * 1000))
        .toArray(String[]::new);
    Cli.Result result = Launcher.run(dir, Map.of(), "--mode=threads", "--workers=5",
        list(paths).toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<String> lines = result.outLines();
    assertEquals(16, lines.size(), result.toString());
    assertTrue(lines.subList(0, 15).stream().allMatch(l -> l.startsWith("Read ")), result.out());
    assertTrue(lines.get(15).matches("15 URLs in \\d+\\.\\d{3} s: 15 succeeded, 0 failed, "
        + "117\\.2 KiB, [0-9.]+ [kMG]?B/s \\(threads, 5 workers\\)"), lines.get(15));
  }

  @Test
  void versionAndJavaOpts() throws Exception {
    Cli.Result version = Launcher.run(dir, Map.of(), "--version");
    assertEquals(0, version.exitCode(), version.toString());
    assertTrue(version.out().startsWith("fetch 0."), version.out());

    Cli.Result badOpts = Launcher.run(dir, Map.of("JAVA_OPTS", "-XX:+NoSuchFetchFlag"),
        "--version");
    assertTrue(badOpts.exitCode() != 0, "JAVA_OPTS reached the JVM");
    assertTrue(badOpts.err().contains("NoSuchFetchFlag"), badOpts.err());
  }

  /** Only a link to the launcher works from elsewhere: a copy says so, instead of a Maven error. */
  @Test
  void aCopiedLauncherSaysWhatToDoInstead() throws Exception {
    Path copy = dir.resolve("bin/fetch");
    Files.createDirectories(copy.getParent());
    Files.copy(Launcher.projectDir().resolve("fetch"), copy);
    Path link = dir.resolve("bin/linked");
    Files.createSymbolicLink(link, Launcher.projectDir().resolve("fetch"));

    Cli.Result copied = Commands.run(dir, Map.of("PATH", System.getenv("PATH")),
        copy.toString(), "--version");
    Cli.Result linked = Commands.run(dir, Map.of("PATH", System.getenv("PATH")),
        link.toString(), "--version");

    assertEquals(ExitCodes.INTERNAL_ERROR, copied.exitCode(), copied.toString());
    assertEquals("", copied.out());
    assertTrue(copied.err().startsWith("fetch: " + copy.getParent() + " is not fetch's source "
        + "tree: this launcher was copied out of it.\n"), copied.err());
    assertTrue(copied.err().contains("ln -s"), copied.err());
    assertEquals(0, linked.exitCode(), linked.toString());
    assertTrue(linked.out().startsWith("fetch 0."), linked.out());
    Files.delete(link);
  }

  @Test
  void verboseLogsOnStderrOnlyAndNeverTheCredentials() throws Exception {
    String flaky = server.url("/flaky/v?fails=1&status=503").toString()
        .replace("http://", "http://alice:s3cret@");
    Cli.Result result = Launcher.run(dir, Map.of(), "-v", "--retries=1", "-f", "jsonl",
        ListFiles.write(dir, List.of(flaky)).toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.err().contains("attempt 1 failed (HTTP 503 Server Error); retrying in "),
        result.err());
    assertTrue(result.err().contains("GET http://***@"), result.err());
    assertTrue(result.err().contains(": 200 with 100 bytes in "), result.err());
    assertFalse(result.err().contains("s3cret") || result.out().contains("s3cret"),
        result.toString());
    assertEquals(2, result.outLines().size(), "stdout has only results: " + result.out());
  }

  @Test
  void aFifoListIsReadOnceEvenWithTheProgressBar() throws Exception {
    Path fifo = dir.resolve("urls.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor());
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      urls.add(server.url("/bytes/" + (i % 50)).toString());
    }
    Thread writer = new Thread(() -> {
      try {
        Files.write(fifo, urls);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    Cli.Result result = Launcher.run(dir, Map.of(), "-w", "32", "--progress=always", "-q",
        fifo.toString());
    writer.join();

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.out().startsWith("3000 URLs in "), result.out());
  }

  @Test
  void aClosedOutputPipeStopsTheRun() throws Exception {
    String[] paths = Stream.iterate(0, i -> i + 1).limit(200).map(i -> "/bytes/" + i + "/x")
        .toArray(String[]::new);
    ProcessBuilder builder = new ProcessBuilder(Launcher.projectDir().resolve("fetch")
        .toString(), "-m", "sequential", list(paths).toString())
        .redirectError(dir.resolve("stderr.txt").toFile());
    Process fetch = builder.start();
    try (java.io.BufferedReader out = new java.io.BufferedReader(
        new java.io.InputStreamReader(fetch.getInputStream()))) {
      assertTrue(out.readLine().startsWith("Read 0 bytes"));
    }
    assertTrue(fetch.waitFor(30, TimeUnit.SECONDS), "fetch stopped");
    String err = Files.readString(dir.resolve("stderr.txt"));
    assertEquals(ExitCodes.OUTPUT_CLOSED, fetch.exitValue(), err);
    assertTrue(err.contains("fetch: standard output was closed; stopping"), err);
    assertTrue(server.getRequestCount() < 200, server.getRequestCount() + " requests");
  }

  @Test
  void outputIsUtf8WhateverTheLocale() throws Exception {
    Path list = ListFiles.write(dir, List.of("http://exämple.test/ä b"));
    Cli.Result result = Launcher.run(dir, Map.of("LC_ALL", "POSIX", "LANG", ""), "-f", "jsonl",
        list.toString());

    assertTrue(result.out().contains("\"url\":\"http://exämple.test/ä b\""), result.out());
  }

  @ParameterizedTest
  @CsvSource({"INT, 130, threads", "TERM, 143, threads", "INT, 130, async"})
  void signalStopsTheRunWithAPartialSummaryAndNoPartialFile(String signal, int exitCode,
      String mode) throws Exception {
    Path out = dir.resolve("out");
    Process fetch = Launcher.start(dir, Map.of(), "-m", mode, "--workers=4", "--output-dir",
        out.toString(),
        "--retries=0", "--order=completion",
        list("/bytes/100", "/stall?a", "/bytes/200", "/stall?b").toString());
    try {
      assertTrue(site.stalled().await(60, TimeUnit.SECONDS), "both stalled requests arrived");
      waitForLines(dir.resolve("stdout.txt"), 2);
      Launcher.kill(fetch, signal);
      assertTrue(fetch.waitFor(20, TimeUnit.SECONDS), "fetch stopped");
    } finally {
      fetch.destroyForcibly();
    }
    Cli.Result result = Launcher.result(dir, fetch.exitValue());

    assertEquals(exitCode, result.exitCode(), result.toString());
    String summary = result.outLines().get(result.outLines().size() - 1);
    assertTrue(summary.matches("Interrupted: 2 URLs in \\d+\\.\\d{3} s: 2 succeeded, 0 failed, "
        + "300 bytes, 2 unfinished \\(" + mode + ", 4 workers\\)"), result.toString());
    assertEquals(List.of("100", "200"), names(out), "no partial or temporary file is left");
  }

  @Test
  void aMillionLineListRunsInASmallHeap() throws Exception {
    Path list = dir.resolve("million.txt");
    try (java.io.BufferedWriter out = Files.newBufferedWriter(list)) {
      for (int i = 0; i < 1_000_000; i++) {
        out.write("ftp://files.example/" + i + "\n");
      }
    }
    Cli.Result result = Launcher.run(dir, Map.of("JAVA_OPTS", "-Xmx64m"), "-q", "-w", "64",
        list.toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.out());
    assertTrue(result.out().matches("1000000 URLs in \\d+\\.\\d{3} s: 0 succeeded, 1000000 "
        + "failed, 0 bytes \\(threads, 64 workers\\)\n"), result.out());
  }

  @Test
  void killingFetchWithSigkillLeavesNoWorkerProcess() throws Exception {
    Process fetch = Launcher.start(dir, cacheIn(dir), "-m", "processes", "-w", "2",
        "--retries=0", list("/stall?a", "/stall?b", "/bytes/1").toString());
    List<ProcessHandle> workers;
    try {
      assertTrue(site.stalled().await(60, TimeUnit.SECONDS), "both workers are mid-download");
      workers = fetch.toHandle().children().filter(LauncherIT::isWorker)
          .collect(Collectors.toList());
      assertEquals(2, workers.size(), workers.toString());
      Launcher.kill(fetch, "KILL");
      assertTrue(fetch.waitFor(10, TimeUnit.SECONDS), "fetch died");
    } finally {
      fetch.destroyForcibly();
    }
    for (ProcessHandle worker : workers) {
      worker.onExit().get(5, TimeUnit.SECONDS);
      assertFalse(worker.isAlive(), worker + " outlived its parent");
    }
  }

  @Test
  void ctrlCStopsEveryWorkerAndLeavesNoPartialFile() throws Exception {
    Path out = dir.resolve("out");
    Process fetch = Launcher.start(dir, cacheIn(dir), "-m", "processes", "-w", "3",
        "--output-dir", out.toString(), "--retries=0",
        list("/bytes/100", "/stall?a", "/stall?b").toString());
    List<ProcessHandle> workers;
    try {
      assertTrue(site.stalled().await(60, TimeUnit.SECONDS), "both stalled requests arrived");
      waitForLines(dir.resolve("stdout.txt"), 1);
      workers = fetch.toHandle().children().filter(LauncherIT::isWorker)
          .collect(Collectors.toList());
      Launcher.kill(fetch, "INT");
      assertTrue(fetch.waitFor(20, TimeUnit.SECONDS), "fetch stopped");
    } finally {
      fetch.destroyForcibly();
    }
    Cli.Result result = Launcher.result(dir, fetch.exitValue());

    assertEquals(ExitCodes.INTERRUPTED, result.exitCode(), result.toString());
    String summary = result.outLines().get(result.outLines().size() - 1);
    assertTrue(summary.matches("Interrupted: 1 URL in \\d+\\.\\d{3} s: 1 succeeded, 0 failed, "
        + "100 bytes, 2 unfinished \\(processes, 3 workers\\)"), result.toString());
    assertEquals(List.of("100"), names(out), "no partial or temporary file is left");
    for (ProcessHandle worker : workers) {
      worker.onExit().get(5, TimeUnit.SECONDS);
    }
  }

  /**
   * Without the launcher's archive (FETCH_CDS=0), which workers would map instead; in the
   * launcher's cache directory, FETCH_CACHE_DIR, before XDG_CACHE_HOME.
   */
  @Test
  void workersShareAClassDataArchiveMadeOnce() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(cacheIn(dir));
    env.put("FETCH_CDS", "0");
    env.put("FETCH_CACHE_DIR", dir.resolve("fetch-cache").toString());
    Path cache = dir.resolve("fetch-cache");
    Path list = list("/bytes/1", "/bytes/2", "/bytes/3");
    Cli.Result first = Launcher.run(dir, env, "-m", "processes", "-w", "3", list.toString());
    assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
    List<String> archives = names(cache);
    assertEquals(1, archives.size(), archives.toString());
    assertTrue(archives.get(0).matches("worker-[0-9a-f]{24}\\.jsa"), archives.toString());

    Cli.Result second = Launcher.run(dir, env, "-v", "-m", "processes", "-w", "3",
        list.toString());
    assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
    assertTrue(second.err().contains("-XX:SharedArchiveFile=" + cache.resolve(archives.get(0))),
        second.err());
    assertFalse(second.err().contains("-XX:ArchiveClassesAtExit"), second.err());
    assertEquals(archives, names(cache));
    assertFalse(Files.exists(Path.of(env.get("XDG_CACHE_HOME"), "fetch")),
        "nothing under XDG_CACHE_HOME when FETCH_CACHE_DIR is set");
  }

  /** The workers' class-data sharing archive goes under {@code dir}, not the user's home. */
  private static Map<String, String> cacheIn(Path dir) {
    return Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
  }

  private static boolean isWorker(ProcessHandle process) {
    return process.info().arguments()
        .map(args -> List.of(args).contains("dev.fetch.worker.WorkerMain")).orElse(false);
  }

  @Test
  void bodiesAreStreamedNotHeldInMemory() throws Exception {
    long size = 512L * 1024 * 1024;
    try (StreamingServer big = new StreamingServer(size)) {
      Path list = ListFiles.write(dir, List.of(big.url("/big")));
      Cli.Result result = Launcher.run(dir, Map.of("JAVA_OPTS", "-Xmx48m"), "-f", "jsonl",
          list.toString());

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.out().contains("\"bytes\":" + size + ","), result.out());
    }
  }

  @Test
  void serveRunsUntilCtrlC() throws Exception {
    Process serve = new ProcessBuilder(Launcher.projectDir().resolve("fetch").toString(), "serve",
        "--port", "0").redirectError(dir.resolve("stderr.txt").toFile()).start();
    try (java.io.BufferedReader out = new java.io.BufferedReader(
        new java.io.InputStreamReader(serve.getInputStream()))) {
      String base = out.readLine();
      assertTrue(base != null && base.matches("http://127\\.0\\.0\\.1:\\d+/"),
          "serve printed its URL: " + base + "; stderr: "
              + Files.readString(dir.resolve("stderr.txt")));
      Path list = ListFiles.write(dir, List.of(base + "bytes/1234", base + "wiki/PHP?delay=0"));
      Path client = Files.createDirectories(dir.resolve("client"));
      Cli.Result result = Launcher.run(client, Map.of(), "-f", "jsonl", "--order", "input",
          list.toString());
      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.out().contains("\"bytes\":1234,"), result.out());
      assertTrue(result.out().contains("\"bytes\":468461,"), result.out());

      Launcher.kill(serve, "INT");
      assertTrue(serve.waitFor(20, TimeUnit.SECONDS), "serve stopped");
    } finally {
      serve.destroyForcibly();
    }
    assertEquals(0, serve.exitValue());
    assertTrue(Files.readString(dir.resolve("stderr.txt")).contains(
        "test site stopped after 2 requests"), Files.readString(dir.resolve("stderr.txt")));
  }

  /** Waits until fetch has printed {@code count} result lines (it flushes every line). */
  private static void waitForLines(Path stdout, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.readAllLines(stdout).stream().filter(l -> l.startsWith("Read ")).count()
          >= count) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("results never printed: " + Files.readString(stdout));
  }

  private static List<String> names(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.map(p -> p.getFileName().toString()).sorted()
          .collect(Collectors.toCollection(ArrayList::new));
    }
  }
}
