package dev.fetch.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.Downloader;
import dev.fetch.download.ErrorKind;
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

  private static List<DownloadRequest> requests(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new DownloadRequest(i, HttpUrl.get("http://127.0.0.1/" + i)))
        .collect(Collectors.toList());
  }

  private static DownloadResult ok(DownloadRequest request) {
    return new DownloadResult.Success(request.index(), request.displayUrl(), 200,
        request.index(), Duration.ZERO, 1, Thread.currentThread().getName());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyRequestGetsExactlyOneResultOnTheCallingThread(Mode mode) throws Exception {
    Thread caller = Thread.currentThread();
    List<Thread> sinkThreads = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    mode.strategy(4).run(requests(200).iterator(), ExecutorStrategyTest::ok, result -> {
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
    Mode.SEQUENTIAL.strategy(8).run(requests(20).iterator(), ExecutorStrategyTest::ok,
        result -> seen.add(result.index() + "@" + result.worker()));

    assertEquals(IntStream.range(0, 20).mapToObj(i -> i + "@worker-1")
        .collect(Collectors.toList()), seen);
    assertEquals(1, Mode.SEQUENTIAL.strategy(8).workers());
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
    Mode.THREADS.strategy(2).run(requests(2).iterator(), downloader, result -> {
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
    Mode.THREADS.strategy(workers).run(requests(30).iterator(), downloader,
        r -> results.incrementAndGet());

    assertEquals(30, results.get());
    assertEquals(workers, most.get());
  }

  @Test
  void pullsRequestsLazilyWithinABoundedWindow() throws Exception {
    int workers = 3;
    AtomicInteger pulled = new AtomicInteger();
    AtomicInteger reported = new AtomicInteger();
    AtomicInteger widestGap = new AtomicInteger();
    Iterator<DownloadRequest> source = requests(100).iterator();
    Iterator<DownloadRequest> counting = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public DownloadRequest next() {
        widestGap.accumulateAndGet(pulled.incrementAndGet() - reported.get(), Math::max);
        return source.next();
      }
    };
    Mode.THREADS.strategy(workers).run(counting, ExecutorStrategyTest::ok,
        r -> reported.incrementAndGet());

    assertEquals(100, reported.get());
    assertEquals(workers * 2, widestGap.get(), "never more than two tasks per worker ahead");
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
    Mode.THREADS.strategy(2).run(requests(3).iterator(), buggy, results::add);

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
        () -> Mode.THREADS.strategy(2).run(requests(10).iterator(), blocking, results::add));
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
}
