package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.BlockedInput;
import dev.fetch.testing.Cli;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.ListSite;
import dev.fetch.testing.ManualInterrupts;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of several inputs stopped by a signal: {@code --save-failed} lists every URL not
 * downloaded across all of them (never waiting on standard input), and a signal while a list is
 * being downloaded stops that too.
 */
class InputsStoppedEarlyTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();
  private final ListSite site = new ListSite();
  private final CountDownLatch held = new CountDownLatch(1);
  private final ManualInterrupts interrupts = new ManualInterrupts();

  {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getUrl().encodedPath().startsWith("/hold")) {
          held.countDown();
          return new MockResponse.Builder().body("held")
              .onResponseBody(SocketEffect.Stall.INSTANCE).build();
        }
        return site.dispatch(request);
      }
    });
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  private CompletableFuture<Cli.Result> start(InputStream stdin, String... args) {
    return CompletableFuture.supplyAsync(() -> Cli.runWith(interrupts, stdin, args));
  }

  @Test
  @Timeout(30)
  void theRestOfEveryInputIsSaved() throws Exception {
    Path first = ListFiles.onServer(dir, server, "/bytes/1", "/hold", "/bytes/2", "nonsense");
    site.put("/lists/l.txt", url("/bytes/3") + "\n");
    Path failed = dir.resolve("failed.txt");

    CompletableFuture<Cli.Result> run = start(InputStream.nullInputStream(), "-m",
        "sequential", "-q", first.toString(), url("/bytes/9"), "-i", url("/lists/l.txt"),
        "--save-failed", failed.toString());
    assertTrue(held.await(10, TimeUnit.SECONDS), "the second URL is in flight");
    interrupts.fire(ExitCodes.INTERRUPTED);
    Cli.Result result = run.get(20, TimeUnit.SECONDS);

    assertEquals(ExitCodes.INTERRUPTED, result.exitCode(), result::toString);
    assertEquals(List.of(url("/hold"), url("/bytes/2"), url("/bytes/9"), url("/bytes/3")),
        Files.readAllLines(failed, StandardCharsets.UTF_8));
  }

  /**
   * The feeder is blocked on a standard input nobody writes to: the run still stops at once, and
   * the list after standard input is saved (the rest of standard input cannot be).
   */
  @Test
  @Timeout(30)
  void aBlockedStandardInputDoesNotHoldUpTheStopOrTheListsAfterIt() throws Exception {
    BlockedInput stdin = new BlockedInput(url("/bytes/5") + "\n");
    Path last = ListFiles.onServer(dir, server, "/bytes/6", "/bytes/7");
    Path failed = dir.resolve("failed.txt");

    CompletableFuture<Cli.Result> run = start(stdin, "-m", "threads", "-w", "2", "-q",
        url("/hold"), "-", last.toString(), "--save-failed", failed.toString());
    assertTrue(held.await(10, TimeUnit.SECONDS), "the first URL is in flight");
    assertTrue(stdin.reading().await(10, TimeUnit.SECONDS), "the feeder waits on stdin");
    interrupts.fire(ExitCodes.TERMINATED);
    Cli.Result result = run.get(20, TimeUnit.SECONDS);
    stdin.release();

    assertEquals(ExitCodes.TERMINATED, result.exitCode(), result::toString);
    assertEquals(List.of(url("/hold"), url("/bytes/6"), url("/bytes/7")),
        Files.readAllLines(failed, StandardCharsets.UTF_8));
  }

  @Test
  @Timeout(30)
  void aSignalWhileAListIsDownloadedStopsTheRunBeforeAnyUrl() throws Exception {
    CompletableFuture<Cli.Result> run = start(InputStream.nullInputStream(), url("/bytes/1"),
        "-i", url("/hold/list.txt"));
    assertTrue(held.await(10, TimeUnit.SECONDS), "the list is being downloaded");
    interrupts.fire(ExitCodes.INTERRUPTED);
    Cli.Result result = run.get(20, TimeUnit.SECONDS);

    assertEquals(ExitCodes.INTERRUPTED, result.exitCode(), result::toString);
    assertEquals("fetch: interrupted while downloading a list\n", result.err());
    assertEquals("", result.out());
    assertEquals(1, server.getRequestCount(), "only the list was requested");
  }
}
