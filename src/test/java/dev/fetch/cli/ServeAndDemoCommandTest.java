package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.server.SiteServer;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.ManualInterrupts;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch serve} and {@code fetch demo} through the command line. */
class ServeAndDemoCommandTest {

  @Test
  void serveWithAnImpossiblePortOrAddressIsAUsageErrorWithItsReason() {
    Cli.Result port = Cli.run("serve", "--port", "99999");
    // Resolved through the test hosts file, which does not know it: no DNS query.
    Cli.Result host = Cli.run("serve", "--bind", "nonexistent.invalid", "--port", "0");

    assertEquals(ExitCodes.USAGE, port.exitCode(), port::toString);
    assertTrue(port.err().startsWith("fetch: --port must be between 0 and 65535, not 99999"),
        port::toString);
    assertEquals(ExitCodes.USAGE, host.exitCode(), host::toString);
    assertEquals("fetch: cannot listen on nonexistent.invalid:0 (no such host)\n", host.err());
  }

  @Test
  void serveAnswersUntilInterruptedThenExitsCleanly() throws Exception {
    ManualInterrupts interrupts = new ManualInterrupts();
    CompletableFuture<Cli.Result> serving = CompletableFuture.supplyAsync(
        () -> Cli.runWith(interrupts, InputStream.nullInputStream(), "serve", "--port", "0"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!interrupts.watching() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(interrupts.watching(), "serve started");
    interrupts.fire(ExitCodes.INTERRUPTED);
    Cli.Result result = serving.get(30, TimeUnit.SECONDS);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.out().matches("http://127\\.0\\.0\\.1:\\d+/\n"), result.out());
    assertTrue(result.err().contains("test site stopped after 0 requests"), result.err());
  }

  /**
   * {@code --ready-file}: a stale file is removed at start; once the site accepts, the file
   * holds its base URL (a script waits for the file, not for a guessed delay); on exit it is
   * gone.
   */
  @Test
  void serveWritesTheReadyFileOnceItAcceptsAndRemovesItWhenItStops(@TempDir Path dir)
      throws Exception {
    Path ready = Files.writeString(dir.resolve("site.url"), "http://127.0.0.1:1/\n");
    ManualInterrupts interrupts = new ManualInterrupts();
    CompletableFuture<Cli.Result> serving = CompletableFuture.supplyAsync(
        () -> Cli.runWith(interrupts, InputStream.nullInputStream(), "serve", "--port", "0",
            "--ready-file", ready.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    // The stale file is removed before the watch starts; from then on, only the new one appears.
    while (!interrupts.watching() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    while (!Files.exists(ready) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    String url = Files.readString(ready);
    assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/\n"), url);
    try (Response page = new OkHttpClient().newCall(
        new Request.Builder().url(url.trim() + "bytes/3").build()).execute()) {
      assertEquals(200, page.code(), "it accepts once the file is there");
      assertEquals("abc", page.body().string());
    }
    interrupts.fire(ExitCodes.TERMINATED);
    Cli.Result result = serving.get(30, TimeUnit.SECONDS);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(url, result.out(), "the file holds what stdout printed");
    assertFalse(Files.exists(ready), "removed on exit");
  }

  @Test
  void aReadyFileThatCannotBeWrittenIsAUsageErrorBeforeTheSiteStarts(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    Cli.Result result = Cli.run("serve", "--port", "0", "--ready-file",
        missing.resolve("site.url").toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertEquals("", result.out(), "no site started");
    assertTrue(result.err().startsWith("fetch: --ready-file: cannot write "
        + missing.resolve("site.url") + " (no such directory " + missing + ")\n"),
        result.err());
  }

  @Test
  void serveRefusesATakenPortWithAUsageError() throws Exception {
    try (SiteServer taken = SiteServer.start("127.0.0.1", 0)) {
      Cli.Result result = Cli.run("serve", "--port", String.valueOf(taken.port()));

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertEquals("fetch: port " + taken.port() + " on 127.0.0.1 is already in use (try --port"
          + " 0 for a free one)\n", result.err());
      try (Response stillThere = new OkHttpClient().newCall(
          new Request.Builder().url(taken.baseUrl() + "/bytes/1").build()).execute()) {
        assertEquals(200, stillThere.code());
      }
    }
  }

  @Test
  void demoComparesEveryModeOfflineAndWritesTheReport(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("demo.html");
    Cli.Result result = Cli.run("demo", "--delay", "30", "--workers", "5", "--runs", "1",
        "--report", report.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    String out = result.out();
    assertTrue(out.contains("fetch demo: 15 tutorial pages from a local site at "
        + "http://127.0.0.1:"), out);
    assertTrue(out.contains("15 URLs): 1 runs each"), out);
    for (Mode mode : Mode.values()) {
      if (mode.unavailableReason() == null) {
        assertTrue(out.matches("(?s).*\n" + mode + ":\\d+ +\\d+\\.\\d{3} s .*"),
            mode + " is in the table: " + out);
      } else {
        assertTrue(out.contains(mode + ": skipped: "), out);
      }
    }
    assertTrue(out.contains("No warm-up (--warmup 0): the first run of each combination is "
        + "measured cold (class loading, JIT, new connections); the first processes run also "
        + "builds the worker JVMs' class-data archive."), "the warm-up choice is named: " + out);
    assertTrue(out.contains("threads:5 vs sequential:1: cannot be judged: 1 and 1 runs are too "
        + "few"), "one run is too few, and says so: " + out);
    String html = Files.readString(report);
    assertTrue(html.contains("<svg") && html.contains("sequential:1"), "the report is written");
    assertTrue(html.contains("No warm-up (--warmup 0)"), "and names the warm-up choice");
  }

  /** The report's path and the runs are checked before the site starts: nothing is printed. */
  @Test
  void demoChecksTheReportAndTheRunsBeforeStartingTheSite(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    Cli.Result noDir = Cli.run("demo", "--report", missing.resolve("demo.html").toString());
    assertEquals(ExitCodes.USAGE, noDir.exitCode(), noDir.toString());
    assertEquals("", noDir.out());
    assertEquals("fetch: --report: cannot write " + missing.resolve("demo.html")
        + " (no such directory " + missing + ")\nTry 'fetch --help' for more information.\n",
        noDir.err());

    Cli.Result tooMany = Cli.run("demo", "--runs", "10001", "--report",
        dir.resolve("demo.html").toString());
    assertEquals(ExitCodes.USAGE, tooMany.exitCode(), tooMany.toString());
    assertEquals("", tooMany.out());
    assertTrue(tooMany.err().startsWith("fetch: --runs must be between 1 and 10000, not 10001\n"),
        tooMany.err());
  }
}
