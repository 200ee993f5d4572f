package dev.fetch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.input.InputException;
import dev.fetch.log.Diagnostics;
import dev.fetch.strategy.Mode;
import dev.fetch.strategy.Order;
import dev.fetch.testing.ArrivalDispatcher;
import dev.fetch.testing.FakeTime;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.Modes;
import dev.fetch.testing.RecordingListener;
import dev.fetch.testing.TestSite;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine, {@link DownloadRun}, against a real server on 127.0.0.1 in every in-process mode:
 * its summary, its listener calls, its validation before the first request, its cancellation and
 * its use of the injected time. ({@code processes} runs other JVMs: the CLI tests cover it.)
 */
class DownloadRunTest {
  private static final InputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);
  /** Long enough for any real download here, short enough that a missed cancel fails fast. */
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final TestSite site = new TestSite();
  @StartStop private final MockWebServer server = new MockWebServer();
  @TempDir Path dir;
  private final FakeTime fakeTime = new FakeTime();

  {
    server.setDispatcher(site);
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, mode = EnumSource.Mode.EXCLUDE, names = "PROCESSES")
  void theSummaryCountsEveryUrl(Mode mode) {
    Modes.assumeAvailable(mode);
    Path list = ListFiles.onServer(dir, server,
        "/bytes/10", "# a comment", "", "/bytes/20", "/status/404", "ftp://example.com/x");
    RecordingListener listener = new RecordingListener();

    RunSummary summary = run(list, mode, settings(0)).execute(listener);

    int workers = mode == Mode.SEQUENTIAL ? 1 : 4;
    assertEquals(new RunSummary(mode.toString(), workers, 4, 2, 2, 10 + 20 + "status 404".length(),
        Duration.ZERO, 0, false, 0), summary, "the fake ticker never moved: elapsed is zero");
    assertEquals("started", listener.calls().get(0));
    assertEquals(List.of("accept 0", "accept 1", "accept 2", "accept 3"),
        listener.calls().subList(1, 5).stream().sorted().toList());
    assertEquals(5, listener.calls().size());
    assertEquals(3, server.getRequestCount(), "no request for the invalid line");
  }

  @Test
  void startedIsCalledOnceBeforeTheFirstRequest() {
    Path list = ListFiles.onServer(dir, server, "/bytes/10", "/bytes/20");
    RecordingListener listener = new RecordingListener() {
      @Override
      public void started() {
        super.started();
        record("requests so far: " + server.getRequestCount());
      }
    };

    run(list, Mode.THREADS, settings(0)).execute(listener);

    assertEquals(List.of("started", "requests so far: 0"), listener.calls().subList(0, 2));
    assertEquals(List.of("accept 0", "accept 1"),
        listener.calls().subList(2, 4).stream().sorted().toList());
    assertEquals(4, listener.calls().size());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void anExceptionFromStartedPropagatesBeforeAnyRequest() {
    Path list = ListFiles.onServer(dir, server, "/bytes/10", "/bytes/20");
    IllegalStateException cannotOpen = new IllegalStateException("cannot open --trace file");
    RecordingListener listener = new RecordingListener() {
      @Override
      public void started() {
        super.started();
        throw cannotOpen;
      }
    };

    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> run(list, Mode.THREADS, settings(0)).execute(listener));

    assertSame(cannotOpen, thrown);
    assertEquals(List.of("started"), listener.calls());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anEmptyListIsAnInputErrorWithoutListenerCalls() {
    Path list = ListFiles.write(dir, List.of());
    RecordingListener listener = new RecordingListener();

    InputException thrown = assertThrows(InputException.class,
        () -> run(list, Mode.THREADS, settings(0)).execute(listener));

    assertEquals(list + ": no URLs (the list is empty or has only blank lines and comments)",
        thrown.getMessage());
    assertEquals(List.of(), listener.calls());
  }

  @Test
  void aListOfOnlyCommentsIsAnInputErrorWithoutListenerCalls() {
    Path list = ListFiles.write(dir, List.of("# first", "", "#second", "   "));
    RecordingListener listener = new RecordingListener();

    InputException thrown = assertThrows(InputException.class,
        () -> run(list, Mode.THREADS, settings(0)).execute(listener));

    assertEquals(list + ": no URLs (the list is empty or has only blank lines and comments)",
        thrown.getMessage());
    assertEquals(List.of(), listener.calls());
    assertEquals(0, server.getRequestCount());
  }

  /**
   * The listener fails (standard output closed) while a body stalls on another worker. Only the
   * run's cancellation ends that download: a thread-pool shutdown does not interrupt a socket
   * read, and OkHttp's own {@code cancelAll} forgets a blocking call once its headers are in. So
   * when the run has thrown, no connection of the (shared, so inspectable) pool is still busy.
   */
  @Test
  @Timeout(10)
  void anExceptionFromAcceptCancelsTheRunAndPropagates() {
    ArrivalDispatcher arrivals = new ArrivalDispatcher(1);
    server.setDispatcher(arrivals);
    Path list = ListFiles.onServer(dir, server, "/stall", "/bytes/10");
    IllegalStateException closed = new IllegalStateException("stdout closed");
    RecordingListener listener = new RecordingListener() {
      @Override
      public void accept(DownloadResult result, Duration sinceStart) {
        super.accept(result, sinceStart);
        await(arrivals.stalled());
        throw closed;
      }
    };
    ConnectionPool pool = new ConnectionPool(2, 5, TimeUnit.MINUTES);
    try {
      DownloadRun run = new DownloadRun(
          new DownloadPlan(list.toString(), Mode.THREADS, Order.COMPLETION, settings(0)),
          new RunContext(NO_STDIN, fakeTime.time(), Diagnostics.none(), pool));

      IllegalStateException thrown =
          assertThrows(IllegalStateException.class, () -> run.execute(listener));

      assertSame(closed, thrown);
      assertEquals(List.of("started", "accept 1"), listener.calls());
      assertEquals(pool.idleConnectionCount(), pool.connectionCount(),
          "the stalled download was cancelled: no connection is still in use");
    } finally {
      pool.evictAll();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, mode = EnumSource.Mode.EXCLUDE, names = "PROCESSES")
  @Timeout(10)
  void cancelWhileABodyStallsCountsItUnfinished(Mode mode) {
    Modes.assumeAvailable(mode);

    Cancelled cancelled = cancelDuringAStall(mode);

    int workers = mode == Mode.SEQUENTIAL ? 1 : 4;
    RunSummary summary = cancelled.summary;
    assertEquals(List.of(mode.toString(), workers, 1L, 1L, 0L, 10L, Duration.ZERO, 1L, 0L),
        List.of(summary.mode(), summary.workers(), summary.urls(), summary.succeeded(),
            summary.failed(), summary.bytes(), summary.elapsed(), summary.unfinished(),
            summary.workerCrashes()),
        "the stalled URL is unfinished, not failed");
    assertEquals(List.of("started", "accept 0"), cancelled.calls);
  }

  @Test
  @Timeout(20)
  void cancelAlwaysEndsAnInterruptedRunAndConsumesTheInterrupt() {
    for (int round = 0; round < 25; round++) {
      for (Mode mode : List.of(Mode.THREADS, Mode.ASYNC)) {
        Cancelled cancelled = cancelDuringAStall(mode);

        String where = mode + ", round " + round;
        assertTrue(cancelled.summary.interrupted(), () -> where + ": " + cancelled.summary);
        assertFalse(cancelled.interruptLeftSet, () -> where + ": the caller is left interrupted");
      }
    }
  }

  /** What a run cancelled while {@code /stall} was in flight returned. */
  private static final class Cancelled {
    RunSummary summary;
    List<String> calls;
    boolean interruptLeftSet;
  }

  /**
   * Runs {@code /bytes/10} then {@code /stall} in {@code mode} and cancels from another thread
   * once the first is reported and the second is on the server; clears the caller's interrupt
   * status afterwards (recording whether it was left set) so no later test inherits it.
   */
  private Cancelled cancelDuringAStall(Mode mode) {
    ArrivalDispatcher arrivals = new ArrivalDispatcher(1);
    server.setDispatcher(arrivals);
    Path list = ListFiles.onServer(dir, server, "/bytes/10", "/stall");
    CountDownLatch firstReported = new CountDownLatch(1);
    RecordingListener listener = new RecordingListener() {
      @Override
      public void accept(DownloadResult result, Duration sinceStart) {
        super.accept(result, sinceStart);
        firstReported.countDown();
      }
    };
    DownloadRun run = run(list, mode, settings(0));
    CountDownLatch cancelled = new CountDownLatch(1);
    Thread canceller = new Thread(() -> {
      await(firstReported);
      await(arrivals.stalled());
      run.cancel();
      cancelled.countDown();
    }, "canceller");
    canceller.start();

    Cancelled result = new Cancelled();
    try {
      result.summary = run.execute(listener);
      awaitThroughInterrupts(cancelled);
    } finally {
      result.interruptLeftSet = Thread.interrupted();
    }
    result.calls = listener.calls();
    return result;
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, mode = EnumSource.Mode.EXCLUDE, names = "PROCESSES")
  void aRetryWaitsTheServersRetryAfterOnTheInjectedTime(Mode mode) {
    Modes.assumeAvailable(mode);
    Path list = ListFiles.onServer(dir, server, "/flaky/a?fails=1&status=503&retry-after=2");
    RecordingListener listener = new RecordingListener();

    RunSummary summary = run(list, mode, settings(1)).execute(listener);

    assertEquals(List.of(Duration.ofSeconds(2)), fakeTime.waits());
    assertEquals(2, site.hits("a"));
    DownloadResult result = listener.results().get(0);
    assertTrue(result.succeeded(), () -> "failed: " + result);
    assertEquals(2, result.attempts());
    assertEquals(Duration.ofSeconds(2), result.elapsed(), "the fake wait, and nothing else");
    assertEquals(Duration.ofSeconds(2), summary.elapsed());
    assertEquals(1, summary.succeeded());
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, mode = EnumSource.Mode.EXCLUDE, names = "PROCESSES")
  void aRetryBacksOffWithJitterOnTheInjectedTime(Mode mode) {
    Modes.assumeAvailable(mode);
    Path list = ListFiles.onServer(dir, server, "/flaky/b?fails=1&status=503");
    RecordingListener listener = new RecordingListener();

    RunSummary summary = run(list, mode, settings(1)).execute(listener);

    List<Duration> waits = fakeTime.waits();
    assertEquals(1, waits.size(), () -> "one back-off: " + waits);
    Duration wait = waits.get(0);
    // The first back-off is half to all of the 250 ms base delay, jittered.
    assertTrue(wait.compareTo(Duration.ofMillis(125)) >= 0 && wait.compareTo(
        Duration.ofMillis(250)) < 0, () -> "back-off " + wait);
    assertEquals(2, site.hits("b"));
    assertEquals(new RunSummary(mode.toString(), mode == Mode.SEQUENTIAL ? 1 : 4, 1, 1, 0, 100,
        wait, 0, false, 0), summary, "elapsed is the fake wait: the test did not wait");
    assertEquals(2, listener.results().get(0).attempts());
  }

  // ---------------------------------------------------------------------------------------

  private DownloadRun run(Path list, Mode mode, DownloadSettings settings) {
    return new DownloadRun(new DownloadPlan(list.toString(), mode, Order.COMPLETION, settings),
        new RunContext(NO_STDIN, fakeTime.time(), Diagnostics.none(), null));
  }

  private static DownloadSettings settings(int retries) {
    return DownloadSettings.builder().workers(4).retries(retries).connectTimeout(TIMEOUT)
        .timeout(TIMEOUT).build();
  }

  /** Waits for {@code latch} even if this thread is interrupted meanwhile (status kept). */
  private static void awaitThroughInterrupts(CountDownLatch latch) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (!latch.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("gate never opened");
          }
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
