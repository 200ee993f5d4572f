package dev.fetch.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Downloader;
import dev.fetch.download.Downloaders;
import dev.fetch.download.ErrorKind;
import dev.fetch.input.InputException;
import dev.fetch.input.UrlEntry;
import dev.fetch.testing.Modes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every strategy's contract, with fake downloaders: no network, gates instead of sleeps. */
class ExecutorStrategyTest {

  private static List<UrlEntry> requests(int count) {
    return IntStream.range(0, count).mapToObj(ExecutorStrategyTest::entry)
        .collect(Collectors.toList());
  }

  private static UrlEntry entry(int i) {
    HttpUrl url = HttpUrl.get("http://127.0.0.1/" + i);
    return new UrlEntry(i, "list.txt", i + 1, url.toString(), url, null);
  }

  private static UrlEntry invalid(int i) {
    return new UrlEntry(i, "list.txt", i + 1, "ftp://x/" + i, null, "unsupported scheme 'ftp'");
  }

  private static DownloadResult ok(DownloadRequest request) {
    return new DownloadResult.Success(request.index(), request.displayUrl(), 200,
        request.index(), Duration.ZERO, 1, Thread.currentThread().getName());
  }

  // PROCESSES is left out: its workers are other JVMs, which cannot run a fake downloader (they
  // would really fetch these unreachable URLs). ProcessPoolTest holds it to the same contract.
  @ParameterizedTest
  @EnumSource(value = Mode.class, mode = EnumSource.Mode.EXCLUDE, names = "PROCESSES")
  void everyRequestGetsExactlyOneResultOnTheCallingThread(Mode mode) throws Exception {
    Modes.assumeAvailable(mode);
    Thread caller = Thread.currentThread();
    List<Thread> sinkThreads = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    strategy(mode, 4, ExecutorStrategyTest::ok).run(requests(200).iterator(),
        Order.COMPLETION, result -> {
      sinkThreads.add(Thread.currentThread());
      indexes.add(result.index());
    });

    assertEquals(IntStream.range(0, 200).boxed().collect(Collectors.toList()),
        indexes.stream().sorted().collect(Collectors.toList()));
    assertTrue(sinkThreads.stream().allMatch(t -> t == caller));
  }

  @Test
  void sequentialRunsInInputOrderOnOneWorker() throws Exception {
    List<String> seen = new ArrayList<>();
    strategy(Mode.SEQUENTIAL, 8, ExecutorStrategyTest::ok).run(requests(20).iterator(),
        Order.COMPLETION,
        result -> seen.add(result.index() + "@" + result.worker()));

    assertEquals(IntStream.range(0, 20).mapToObj(i -> i + "@worker-1")
        .collect(Collectors.toList()), seen);
    assertEquals(1, strategy(Mode.SEQUENTIAL, 8, ExecutorStrategyTest::ok).workers());
  }

  @Test
  void resultsArriveInCompletionOrder() throws Exception {
    // Request 0 is held until request 1's result has reached the sink.
    CountDownLatch firstReported = new CountDownLatch(1);
    Downloader downloader = request -> {
      if (request.index() == 0) {
        await(firstReported);
      }
      return ok(request);
    };
    List<Integer> order = new ArrayList<>();
    strategy(Mode.THREADS, 2, downloader).run(requests(2).iterator(), Order.COMPLETION, result -> {
      order.add(result.index());
      firstReported.countDown();
    });

    assertEquals(List.of(1, 0), order);
  }

  @Test
  void threadPoolRunsWorkersDownloadsAtOnceAndNoMore() throws Exception {
    int workers = 6;
    CountDownLatch allIn = new CountDownLatch(workers);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Downloader downloader = request -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      allIn.countDown();
      await(allIn);
      running.decrementAndGet();
      return ok(request);
    };
    AtomicInteger results = new AtomicInteger();
    strategy(Mode.THREADS, workers, downloader).run(requests(30).iterator(), Order.COMPLETION,
        r -> results.incrementAndGet());

    assertEquals(30, results.get());
    assertEquals(workers, most.get());
  }

  @Test
  void pullsEntriesLazilyWithinABoundedWindow() throws Exception {
    int workers = 3;
    int window = workers * 2;
    AtomicInteger pulled = new AtomicInteger();
    AtomicInteger reported = new AtomicInteger();
    AtomicInteger widestGap = new AtomicInteger();
    CountDownLatch windowFull = new CountDownLatch(1);
    Iterator<UrlEntry> source = requests(100).iterator();
    Iterator<UrlEntry> counting = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public UrlEntry next() {
        int gap = pulled.incrementAndGet() - reported.get();
        widestGap.accumulateAndGet(gap, Math::max);
        if (gap == window) {
          windowFull.countDown();
        }
        return source.next();
      }
    };
    Downloader waitsForAFullWindow = request -> {
      await(windowFull);
      return ok(request);
    };
    strategy(Mode.THREADS, workers, waitsForAFullWindow).run(counting, Order.COMPLETION,
        r -> reported.incrementAndGet());

    assertEquals(100, reported.get());
    assertEquals(window, widestGap.get(), "two entries per worker ahead, never more");
  }

  @Test
  void inInputOrderResultsHeldBackCountAgainstTheWidenedWindow() throws Exception {
    int workers = 2;
    int limit = workers * 2 + InputOrder.MAX_HELD;
    int total = limit + 100;
    AtomicInteger pulled = new AtomicInteger();
    AtomicInteger pulledBeyondLimitWhileHolding = new AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean firstPassedOn =
        new java.util.concurrent.atomic.AtomicBoolean();
    CountDownLatch limitReached = new CountDownLatch(1);
    Iterator<UrlEntry> source = requests(total).iterator();
    Iterator<UrlEntry> counting = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public UrlEntry next() {
        int count = pulled.incrementAndGet();
        if (count == limit) {
          limitReached.countDown();
        }
        if (count > limit && !firstPassedOn.get()) {
          pulledBeyondLimitWhileHolding.incrementAndGet();
        }
        return source.next();
      }
    };
    // Entry 0 is held up until the run has gone as far past it as the window allows.
    Downloader slowFirst = request -> {
      if (request.index() == 0) {
        await(limitReached);
      }
      return ok(request);
    };
    List<Integer> passedOn = new ArrayList<>();
    strategy(Mode.THREADS, workers, slowFirst).run(counting, Order.INPUT, result -> {
      firstPassedOn.set(true);
      passedOn.add(result.index());
    });

    assertEquals(IntStream.range(0, total).boxed().collect(Collectors.toList()), passedOn);
    assertEquals(0, limitReached.getCount(), "went the whole window past the slow entry");
    assertEquals(0, pulledBeyondLimitWhileHolding.get(), "and no further while holding back");
  }

  @Test
  void aSlowInputNeverHoldsBackAFinishedResult() throws Exception {
    CountDownLatch firstReported = new CountDownLatch(1);
    Iterator<UrlEntry> source = requests(2).iterator();
    Iterator<UrlEntry> slow = new Iterator<>() {
      int served;

      @Override
      public boolean hasNext() {
        if (served == 1) {
          // Like a pipe whose next line comes later: wait until the first result is out.
          await(firstReported);
        }
        return source.hasNext();
      }

      @Override
      public UrlEntry next() {
        served++;
        return source.next();
      }
    };
    List<Integer> seen = new ArrayList<>();
    strategy(Mode.THREADS, 4, ExecutorStrategyTest::ok).run(slow, Order.COMPLETION, result -> {
      seen.add(result.index());
      firstReported.countDown();
    });

    assertEquals(List.of(0, 1), seen);
  }

  @Test
  void invalidEntriesAreFailuresInTheirPlace() throws Exception {
    List<UrlEntry> entries = List.of(entry(0), invalid(1), entry(2));
    List<DownloadResult> results = new ArrayList<>();
    strategy(Mode.SEQUENTIAL, 1, ExecutorStrategyTest::ok).run(entries.iterator(),
        Order.COMPLETION, results::add);

    assertEquals(List.of(0, 1, 2), results.stream().map(DownloadResult::index)
        .collect(Collectors.toList()));
    DownloadResult.Failure failure = assertInstanceOf(DownloadResult.Failure.class,
        results.get(1));
    assertEquals(ErrorKind.INVALID_URL, failure.kind());
    assertEquals("list.txt:2: unsupported scheme 'ftp'", failure.message());
  }

  @Test
  void aFailureToReadTheInputEndsTheRun() {
    Iterator<UrlEntry> source = requests(2).iterator();
    Iterator<UrlEntry> breaking = new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (!source.hasNext()) {
          throw new InputException("cannot read list.txt: disk on fire");
        }
        return true;
      }

      @Override
      public UrlEntry next() {
        return source.next();
      }
    };
    InputException e = assertThrows(InputException.class,
        () -> strategy(Mode.THREADS, 2, ExecutorStrategyTest::ok).run(breaking,
            Order.COMPLETION, r -> { }));
    assertEquals("cannot read list.txt: disk on fire", e.getMessage());
  }

  @Test
  void aDownloaderBugBecomesThatUrlsFailure() throws Exception {
    Downloader buggy = request -> {
      if (request.index() == 1) {
        throw new IllegalStateException("boom");
      }
      return ok(request);
    };
    List<DownloadResult> results = new ArrayList<>();
    strategy(Mode.THREADS, 2, buggy).run(requests(3).iterator(), Order.COMPLETION, results::add);

    assertEquals(3, results.size());
    DownloadResult failed = results.stream().filter(r -> r.index() == 1).findFirst().get();
    DownloadResult.Failure failure = assertInstanceOf(DownloadResult.Failure.class, failed);
    assertEquals(ErrorKind.IO, failure.kind());
    assertEquals("internal error: java.lang.IllegalStateException: boom", failure.message());
  }

  @Test
  void interruptStopsTheRunAndTheWorkers() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch workersInterrupted = new CountDownLatch(2);
    Downloader blocking = request -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        workersInterrupted.countDown();
      }
      return ok(request);
    };
    Thread runner = Thread.currentThread();
    Thread interrupter = new Thread(() -> {
      await(started);
      runner.interrupt();
    });
    interrupter.start();
    List<DownloadResult> results = new ArrayList<>();

    assertThrows(InterruptedException.class,
        () -> strategy(Mode.THREADS, 2, blocking).run(requests(10).iterator(),
            Order.COMPLETION, results::add));
    assertTrue(workersInterrupted.await(10, TimeUnit.SECONDS), "workers were interrupted");
    assertEquals(List.of(), results);
    interrupter.join();
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

  private static DownloadStrategy strategy(Mode mode, int workers, Downloader downloader) {
    return mode.strategy(DownloadSettings.defaults(workers), Downloaders.of(downloader));
  }
}
