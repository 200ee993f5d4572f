package dev.fetch.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.cli.ExitCodes;
import dev.fetch.testing.Cli;
import dev.fetch.testing.Launcher;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./fetch} in {@code processes} mode, a worker stopped with SIGSTOP, then SIGINT:
 * the whole interrupt path (signal handler, run cancel, pool, summary) ends before the signal
 * watchdog would halt the JVM, which would print no summary.
 */
class StalledWorkerIT {
  /** {@code cli/SignalInterrupts.GRACE_MILLIS}: the JVM halts this long after the signal. */
  private static final long WATCHDOG_MILLIS = 3_000;

  @TempDir Path dir;
  private final TestSite site = new TestSite();
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger holds = new AtomicInteger();
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getUrl().encodedPath().equals("/hold") && holds.incrementAndGet() == 1) {
          held.countDown();
          release.await(60, TimeUnit.SECONDS);
        }
        return site.dispatch(request);
      }
    });
  }

  private static boolean isWorker(ProcessHandle process) {
    return process.info().arguments()
        .map(args -> List.of(args).contains(WorkerMain.class.getName())).orElse(false);
  }

  @Test
  @Timeout(120)
  void sigintWithAStoppedWorkerPrintsThePartialSummaryWellBeforeTheWatchdog() throws Exception {
    Path list = ListFiles.onServer(dir, server, "/bytes/100", "/hold");
    Process fetch = Launcher.start(dir, Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()),
        "-m", "processes", "-w", "1", list.toString());
    List<ProcessHandle> workers;
    long millis;
    try {
      assertTrue(held.await(60, TimeUnit.SECONDS), "the worker is mid-request");
      workers = fetch.toHandle().descendants().filter(StalledWorkerIT::isWorker)
          .collect(Collectors.toList());
      assertEquals(1, workers.size(), workers.toString());
      Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(workers.get(0).pid()))
          .inheritIO().start();
      assertEquals(0, stop.waitFor(), "kill -STOP");

      long signalled = System.nanoTime();
      Launcher.kill(fetch, "INT");
      assertTrue(fetch.waitFor(20, TimeUnit.SECONDS), "fetch stopped");
      millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
    } finally {
      release.countDown();
      fetch.destroyForcibly();
    }
    Cli.Result result = Launcher.result(dir, fetch.exitValue());

    assertEquals(ExitCodes.INTERRUPTED, result.exitCode(), result.toString());
    List<String> lines = result.outLines();
    assertFalse(lines.isEmpty(), result.toString());
    assertTrue(lines.get(lines.size() - 1).startsWith("Interrupted: "),
        "the partial summary, not the watchdog's halt: " + result);
    assertTrue(millis < WATCHDOG_MILLIS - 1_000, "stopped in " + millis + " ms");
    workers.get(0).onExit().get(5, TimeUnit.SECONDS);
  }
}
