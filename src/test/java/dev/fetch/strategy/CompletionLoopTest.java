package dev.fetch.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.input.InputException;
import dev.fetch.input.UrlEntry;
import dev.fetch.testing.Entries;
import dev.fetch.testing.WatchedEntries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The reporting loop every strategy shares, with a {@link RecordingLauncher} whose downloads end
 * only when the test says so: windows are proved with gates and a parked feeder, never sleeps.
 */
class CompletionLoopTest {
  private static final long TIMEOUT_SECONDS = 10;

  @Test
  void everyEntryGetsExactlyOneSinkCallOnTheCallingThread() throws Exception {
    ExecutorService completers = Executors.newFixedThreadPool(4);
    try {
      RecordingLauncher launcher = new RecordingLauncher(index -> false) {
        @Override
        public void start(DownloadRequest request, Consumer<DownloadResult> done) {
          super.start(request, done);
          completers.execute(() -> complete(request.index()));
        }
      };
      Thread caller = Thread.currentThread();
      List<Integer> indexes = new ArrayList<>();
      List<Thread> sinkThreads = new ArrayList<>();

      CompletionLoop.run(entries(100).iterator(), launcher, 8, Order.COMPLETION, result -> {
        indexes.add(result.index());
        sinkThreads.add(Thread.currentThread());
      });

      assertEquals(range(100), indexes.stream().sorted().collect(Collectors.toList()));
      assertTrue(sinkThreads.stream().allMatch(t -> t == caller), "all on the calling thread");
      assertEquals(List.of(false), launcher.stops(), "stopped once, nothing abandoned");
    } finally {
      completers.shutdown();
      assertTrue(completers.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void invalidEntriesBecomeTheirInvalidUrlFailureWithoutALaunch() throws Exception {
    RecordingLauncher launcher = new RecordingLauncher(index -> true);
    List<DownloadResult> results = new ArrayList<>();

    CompletionLoop.run(List.of(Entries.valid(0), Entries.invalid(1), Entries.valid(2)).iterator(), launcher, 1,
        Order.COMPLETION, results::add);

    assertEquals(List.of(0, 2), launcher.launched(), "the invalid entry was never launched");
    assertEquals(List.of(0, 1, 2),
        results.stream().map(DownloadResult::index).collect(Collectors.toList()));
    DownloadResult.Failure failure =
        assertInstanceOf(DownloadResult.Failure.class, results.get(1));
    assertEquals(ErrorKind.INVALID_URL, failure.kind());
    assertEquals("list.txt:2: unsupported scheme 'ftp'", failure.message());
    assertEquals("ftp://x/1", failure.url());
    assertEquals(0, failure.attempts());
  }

  @Test
  void theWindowBoundsTheLaunchesOutstandingAndReopensWhenAResultIsReported() throws Exception {
    int window = 3;
    int total = 10;
    RecordingLauncher launcher = new RecordingLauncher(index -> false);
    WatchedEntries feeder = new WatchedEntries(entries(total).iterator());
    AtomicInteger reported = new AtomicInteger();
    List<Integer> reportedWhenFourthStarted = new CopyOnWriteArrayList<>();
    launcher.onStart(3, () -> reportedWhenFourthStarted.add(reported.get()));
    List<String> driverSaw = new CopyOnWriteArrayList<>();
    Thread driver = new Thread(() -> {
      launcher.awaitStarted(window);
      feeder.awaitParked();
      driverSaw.add("started " + launcher.launched().size() + ", outstanding "
          + launcher.outstanding());
      launcher.complete(0);
      launcher.awaitStarted(window + 1);
      feeder.awaitParked();
      driverSaw.add("started " + launcher.launched().size() + ", outstanding "
          + launcher.outstanding());
      for (int i = 1; i < total; i++) {
        launcher.awaitStarted(Math.min(total, i + window));
        launcher.complete(i);
      }
    }, "driver");
    driver.start();

    CompletionLoop.run(feeder, launcher, window, Order.COMPLETION,
        result -> reported.incrementAndGet());
    driver.join();

    assertEquals(List.of("started 3, outstanding 3", "started 4, outstanding 3"), driverSaw,
        "the feeder stopped at the window, and went one further after one report");
    assertEquals(List.of(1), reportedWhenFourthStarted, "the fourth launch waited for a report");
    assertEquals(window, launcher.mostOutstanding());
    assertEquals(total, reported.get());
  }

  @Test
  void inputOrderReportsInIndexOrderWhenCompletionsArriveReversed() throws Exception {
    int total = 5;
    RecordingLauncher launcher = new RecordingLauncher(index -> false);
    Thread driver = new Thread(() -> {
      launcher.awaitStarted(total);
      for (int i = total - 1; i >= 0; i--) {
        launcher.complete(i);
      }
    }, "driver");
    driver.start();
    List<Integer> seen = new ArrayList<>();

    CompletionLoop.run(entries(total).iterator(), launcher, total, Order.INPUT,
        result -> seen.add(result.index()));
    driver.join();

    assertEquals(List.of(4, 3, 2, 1, 0), launcher.completed(), "they completed reversed");
    assertEquals(List.of(0, 1, 2, 3, 4), seen);
  }

  @Test
  void inInputOrderEachResultIsAnnouncedAsItArrivesBeforeItWaitsForItsTurn() throws Exception {
    int total = 4;
    RecordingLauncher launcher = new RecordingLauncher(index -> false);
    Thread driver = new Thread(() -> {
      launcher.awaitStarted(total);
      for (int i = total - 1; i >= 0; i--) {
        launcher.complete(i);
      }
    }, "driver");
    driver.start();
    List<String> calls = new ArrayList<>();

    CompletionLoop.run(entries(total).iterator(), launcher, total, Order.INPUT,
        new ResultSink() {
          @Override
          public void arrived(DownloadResult result) {
            calls.add("arrived " + result.index());
          }

          @Override
          public void accept(DownloadResult result) {
            calls.add("accept " + result.index());
          }
        });
    driver.join();

    assertEquals(List.of("arrived 3", "arrived 2", "arrived 1", "arrived 0", "accept 0",
        "accept 1", "accept 2", "accept 3"), calls);
  }

  @Test
  void inputOrderGoesMaxHeldPastASlowFirstUrlAndNoFurther() throws Exception {
    int window = 1;
    int limit = window + InputOrder.MAX_HELD;
    int total = limit + 50;
    // Every download but the first ends at once, on the feeder thread.
    RecordingLauncher launcher = new RecordingLauncher(index -> index != 0);
    WatchedEntries feeder = new WatchedEntries(entries(total).iterator());
    List<Integer> seen = new ArrayList<>();
    List<String> driverSaw = new CopyOnWriteArrayList<>();
    Thread driver = new Thread(() -> {
      launcher.awaitStarted(limit);
      feeder.awaitParked();
      driverSaw.add("started " + launcher.launched().size() + ", reported " + seenSize(seen));
      launcher.complete(0);
    }, "driver");
    driver.start();

    CompletionLoop.run(feeder, launcher, window, Order.INPUT, result -> {
      synchronized (seen) {
        seen.add(result.index());
      }
    });
    driver.join();

    assertEquals(List.of("started " + limit + ", reported 0"), driverSaw,
        "ran the whole widened window past the slow URL, and stopped there");
    assertEquals(range(total), seen);
  }

  @Test
  void anEntriesFailureEndsTheRunAfterFlushingHeldResults() {
    InputException broken = new InputException("list.txt: cannot read (disk on fire)");
    Iterator<UrlEntry> source = entries(2).iterator();
    Iterator<UrlEntry> breaking = new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (!source.hasNext()) {
          throw broken;
        }
        return true;
      }

      @Override
      public UrlEntry next() {
        return source.next();
      }
    };
    // Entry 0 never ends; entry 1 ends at once and is held back behind it.
    RecordingLauncher launcher = new RecordingLauncher(index -> index == 1);
    List<Integer> seen = new ArrayList<>();

    InputException thrown = assertThrows(InputException.class,
        () -> CompletionLoop.run(breaking, launcher, 4, Order.INPUT,
            result -> seen.add(result.index())));

    assertSame(broken, thrown);
    assertEquals(List.of(1), seen, "the held result was reported before the failure");
    assertEquals(List.of(true), launcher.stops(), "the unfinished download was abandoned");
  }

  @Test
  void aSinkFailurePropagatesAndAbandonsTheDownloads() {
    RecordingLauncher launcher = new RecordingLauncher(index -> index == 0);
    IllegalStateException closed = new IllegalStateException("stdout closed");
    AtomicInteger calls = new AtomicInteger();

    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> CompletionLoop.run(entries(3).iterator(), launcher, 3, Order.COMPLETION,
            result -> {
              calls.incrementAndGet();
              throw closed;
            }));

    assertSame(closed, thrown);
    assertEquals(1, calls.get());
    assertEquals(List.of(true), launcher.stops());
  }

  @Test
  void anInterruptReportsWhatArrivedAndWhatWasHeldThenThrows() throws Exception {
    int total = 6;
    RecordingLauncher launcher = new RecordingLauncher(index -> false);
    CountDownLatch inSink = new CountDownLatch(1);
    CountDownLatch leaveSink = new CountDownLatch(1);
    Thread caller = Thread.currentThread();
    Thread driver = new Thread(() -> {
      launcher.awaitStarted(total);
      launcher.complete(4); // held: 0 is missing
      launcher.complete(0); // reported; the sink holds the caller until the rest is queued
      await(inSink);
      launcher.complete(5); // arrive while the caller is busy: queued, not yet taken
      launcher.complete(2);
      caller.interrupt();
      leaveSink.countDown();
    }, "driver");
    driver.start();
    List<Integer> seen = new ArrayList<>();

    assertThrows(InterruptedException.class,
        () -> CompletionLoop.run(entries(total).iterator(), launcher, total, Order.INPUT,
            result -> {
              seen.add(result.index());
              if (result.index() == 0) {
                inSink.countDown();
                awaitUninterruptibly(leaveSink);
              }
            }));
    driver.join();

    assertEquals(List.of(0, 2, 4, 5), seen,
        "what arrived was reported, and what was held, in index order; 1 and 3 never ended");
    assertEquals(List.of(true), launcher.stops());
  }

  // ---------------------------------------------------------------------------------------

  /**
   * A {@link Launcher} that records each launch and holds its {@code done} until the test
   * completes it (or, for the indexes {@code immediate} accepts, completes it at once on the
   * launching thread). Counts the launches outstanding. Thread-safe.
   */
  private static class RecordingLauncher implements Launcher {
    private final IntPredicate immediate;
    private final Map<Integer, Consumer<DownloadResult>> pending = new ConcurrentHashMap<>();
    private final List<Integer> launched = new CopyOnWriteArrayList<>();
    private final List<Integer> completed = new CopyOnWriteArrayList<>();
    private final List<Boolean> stops = new CopyOnWriteArrayList<>();
    private final Semaphore starts = new Semaphore(0);
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger mostOutstanding = new AtomicInteger();
    private final Map<Integer, Runnable> onStart = new ConcurrentHashMap<>();
    private int awaited;

    RecordingLauncher(IntPredicate immediate) {
      this.immediate = immediate;
    }

    @Override
    public void start(DownloadRequest request, Consumer<DownloadResult> done) {
      int index = request.index();
      mostOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
      Runnable hook = onStart.get(index);
      if (hook != null) {
        hook.run();
      }
      pending.put(index, done);
      launched.add(index);
      if (immediate.test(index)) {
        complete(index);
      }
      starts.release();
    }

    @Override
    public void stop(boolean abandon) {
      stops.add(abandon);
    }

    /** Runs {@code hook} on the feeder thread when {@code index} is launched. */
    void onStart(int index, Runnable hook) {
      onStart.put(index, hook);
    }

    /** Ends download {@code index} with a success, on the calling thread. */
    void complete(int index) {
      Consumer<DownloadResult> done = pending.remove(index);
      if (done == null) {
        throw new AssertionError("not launched or already complete: " + index);
      }
      outstanding.decrementAndGet();
      completed.add(index);
      done.accept(ok(index));
    }

    /** Waits until {@code count} downloads have been launched in all. Called from one thread. */
    synchronized void awaitStarted(int count) {
      try {
        if (count > awaited) {
          if (!starts.tryAcquire(count - awaited, TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("never launched " + count + "; launched " + launched);
          }
          awaited = count;
        }
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    List<Integer> launched() {
      return List.copyOf(launched);
    }

    List<Integer> completed() {
      return List.copyOf(completed);
    }

    List<Boolean> stops() {
      return List.copyOf(stops);
    }

    int outstanding() {
      return outstanding.get();
    }

    int mostOutstanding() {
      return mostOutstanding.get();
    }
  }

  private static List<UrlEntry> entries(int count) {
    return Entries.first(count);
  }

  private static DownloadResult ok(int index) {
    return new DownloadResult.Success(index, "http://127.0.0.1/" + index, 200, index,
        Duration.ZERO, 1, Thread.currentThread().getName());
  }

  private static List<Integer> range(int count) {
    return IntStream.range(0, count).boxed().collect(Collectors.toList());
  }

  private static int seenSize(List<Integer> seen) {
    synchronized (seen) {
      return seen.size();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("gate never opened");
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Waits for {@code latch} through interrupts, then restores the thread's interrupt status. */
  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    try {
      while (true) {
        try {
          if (!latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
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
}
