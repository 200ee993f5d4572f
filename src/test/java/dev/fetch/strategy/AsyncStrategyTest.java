package dev.fetch.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.ErrorKind;
import dev.fetch.http.DownloaderStack;
import dev.fetch.input.UrlEntry;
import dev.fetch.log.Diagnostics;
import dev.fetch.save.BodySink;
import dev.fetch.testing.Entries;
import dev.fetch.testing.FakeAsyncDownloader;
import dev.fetch.testing.GateDispatcher;
import dev.fetch.testing.WatchedEntries;
import dev.fetch.time.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncStrategy}: with a {@link FakeAsyncDownloader} whose futures the test completes in
 * the order it chooses, and against a real server through the real {@link DownloaderStack}.
 */
class AsyncStrategyTest {
  private static final int WORKERS_ON_SERVER = 3;

  /** Holds each request until {@value #WORKERS_ON_SERVER} are in flight together. */
  private final GateDispatcher gate = new GateDispatcher(WORKERS_ON_SERVER, 10);
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(gate);
  }

  @Test
  void reportsInCompletionOrderOnTheCallingThread() throws Exception {
    FakeAsyncDownloader downloader = new FakeAsyncDownloader();
    WatchedEntries entries = new WatchedEntries(Entries.first(3).iterator());
    Thread completer = new Thread(() -> {
      downloader.awaitStarted(3);
      entries.awaitParkedOrFinished(); // every future has its callback: none runs on the feeder
      downloader.succeed(2);
      downloader.succeed(0);
      downloader.succeed(1);
    }, "completer");
    completer.start();
    Thread caller = Thread.currentThread();
    List<String> seen = new ArrayList<>();

    new AsyncStrategy(2, downloader).run(entries, Order.COMPLETION,
        result -> seen.add(result.index() + " by " + result.worker()
            + (Thread.currentThread() == caller ? " on the caller" : " elsewhere")));
    completer.join();

    assertEquals(List.of("2 by completer on the caller", "0 by completer on the caller",
        "1 by completer on the caller"), seen);
  }

  @Test
  void startsAtMostTwiceTheWorkersAheadOfTheReports() throws Exception {
    int workers = 2;
    int window = 2 * workers;
    int total = 10;
    FakeAsyncDownloader downloader = new FakeAsyncDownloader();
    WatchedEntries entries = new WatchedEntries(Entries.first(total).iterator());
    AtomicInteger reported = new AtomicInteger();
    List<String> whenParked = new CopyOnWriteArrayList<>();
    Thread completer = new Thread(() -> {
      for (int i = 0; i < total; i++) {
        int expected = Math.min(total, i + window);
        downloader.awaitStarted(expected);
        if (expected < total) {
          // The feeder is blocked on the window: nothing more starts until another report.
          entries.awaitParked();
          whenParked.add(downloader.started().size() + " started, " + reported.get()
              + " reported");
        }
        downloader.succeed(i);
      }
    }, "completer");
    completer.start();

    new AsyncStrategy(workers, downloader).run(entries, Order.COMPLETION,
        result -> reported.incrementAndGet());
    completer.join();

    assertEquals(List.of("4 started, 0 reported", "5 started, 1 reported",
        "6 started, 2 reported", "7 started, 3 reported", "8 started, 4 reported",
        "9 started, 5 reported"), whenParked);
    assertEquals(total, reported.get());
  }

  @Test
  void aFutureThatCompletesExceptionallyIsThatUrlsFailure() throws Exception {
    FakeAsyncDownloader downloader = new FakeAsyncDownloader();
    WatchedEntries entries = new WatchedEntries(Entries.first(3).iterator());
    Thread completer = new Thread(() -> {
      downloader.awaitStarted(3);
      entries.awaitParkedOrFinished(); // every future has its callback: none runs on the feeder
      downloader.succeed(0);
      downloader.fail(1, new IllegalStateException("boom"));
      downloader.succeed(2);
    }, "completer");
    completer.start();
    List<DownloadResult> results = new ArrayList<>();

    new AsyncStrategy(2, downloader).run(entries, Order.COMPLETION,
        results::add);
    completer.join();

    assertEquals(List.of(0, 1, 2),
        results.stream().map(DownloadResult::index).collect(Collectors.toList()),
        "no URL lost");
    DownloadResult.Failure failure =
        assertInstanceOf(DownloadResult.Failure.class, results.get(1));
    assertEquals(new DownloadResult.Failure(1, "http://127.0.0.1/1", null, 0, Duration.ZERO, 1,
        "completer", ErrorKind.IO, "internal error: java.lang.IllegalStateException: boom",
        null), failure);
  }

  @Test
  void theRealStackKeepsExactlyWorkersRequestsInFlight() throws Exception {
    int total = 4 * WORKERS_ON_SERVER;
    List<UrlEntry> entries = IntStream.range(0, total)
        .mapToObj(i -> Entries.at(i, server.url("/" + i))).collect(Collectors.toList());
    List<DownloadResult> results = new ArrayList<>();
    DownloadSettings settings = DownloadSettings.defaults(WORKERS_ON_SERVER);
    try (DownloaderStack stack = new DownloaderStack(settings, BodySink.discarding(),
        Time.system(), Diagnostics.none())) {
      DownloadStrategy strategy = Mode.ASYNC.strategy(settings, stack);
      assertInstanceOf(AsyncStrategy.class, strategy);

      strategy.run(entries.iterator(), Order.COMPLETION, results::add);
    }

    assertTrue(gate.opened(), WORKERS_ON_SERVER + " requests were in flight together");
    assertEquals(WORKERS_ON_SERVER, gate.maxInFlight(), "and never more");
    assertEquals(IntStream.range(0, total).boxed().collect(Collectors.toList()),
        results.stream().map(DownloadResult::index).sorted().collect(Collectors.toList()));
    for (DownloadResult result : results) {
      assertTrue(result.succeeded(), () -> "failed: " + result);
      assertEquals(200, result.status());
      assertEquals(2, result.bytes(), "the body \"ok\"");
    }
  }
}
