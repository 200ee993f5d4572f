package dev.fetch.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.fetch.log.Diagnostics;
import dev.fetch.testing.FakeTime;
import dev.fetch.time.Time;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryingDownloaderTest {
  private static final DownloadRequest REQUEST =
      new DownloadRequest(4, HttpUrl.get("http://user:pw@a.test/file"));

  private final FakeTime time = new FakeTime();
  private final FakeTime.FakeTicker ticker = time.ticker();
  private final FakeDownloader delegate = new FakeDownloader(ticker);

  /**
   * Returns scripted results in order, each taking a scripted time on the ticker, which is also
   * the result's own elapsed time unless a wait before the attempt is scripted.
   */
  static final class FakeDownloader implements Downloader {
    private final FakeTime.FakeTicker ticker;
    private final Deque<DownloadResult> results = new ArrayDeque<>();
    private final Deque<Duration> durations = new ArrayDeque<>();
    private final Deque<Duration> before = new ArrayDeque<>();
    final List<DownloadRequest> requests = new ArrayList<>();

    FakeDownloader(FakeTime.FakeTicker ticker) {
      this.ticker = ticker;
    }

    FakeDownloader thenReturn(DownloadResult result, Duration takes) {
      return thenReturn(result, Duration.ZERO, takes);
    }

    /** The attempt waits {@code waits} (a place, a worker's start) and then takes {@code takes}. */
    FakeDownloader thenReturn(DownloadResult result, Duration waits, Duration takes) {
      results.add(result);
      before.add(waits);
      durations.add(takes);
      return this;
    }

    @Override
    public DownloadResult download(DownloadRequest request) {
      requests.add(request);
      if (results.isEmpty()) {
        throw new AssertionError("unexpected attempt " + requests.size());
      }
      Duration takes = durations.remove();
      ticker.advance(before.remove().plus(takes));
      DownloadResult result = results.remove();
      return result.afterAttempts(result.attempts(), takes);
    }
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private RetryingDownloader downloader(int retries, double jitter) {
    return new RetryingDownloader(delegate, RetryPolicyTest.policy(retries, jitter),
        time.time(), Diagnostics.none());
  }

  private static DownloadResult.Success success() {
    return new DownloadResult.Success(4, "http://***@a.test/file", 200, 1234,
        Duration.ofMillis(999), 1, "worker-3");
  }

  private static DownloadResult.Failure failure(ErrorKind kind, Integer status, String message) {
    return new DownloadResult.Failure(4, "http://***@a.test/file", status, 17,
        Duration.ofMillis(999), 1, "worker-3", kind, message, null);
  }

  private static DownloadResult.Failure status(int status) {
    return failure(ErrorKind.HTTP, status, "HTTP " + status);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void successOnFirstAttempt() {
    delegate.thenReturn(success(), ms(40));

    DownloadResult result = downloader(3, 0.0).download(REQUEST);

    assertEquals(new DownloadResult.Success(4, "http://***@a.test/file", 200, 1234, ms(40), 1,
        "worker-3"), result);
    assertEquals(List.of(REQUEST), delegate.requests);
    assertEquals(List.of(), time.waits());
  }

  /**
   * The time runs from when the first attempt really started: the wait before it (a per-host
   * place, a worker JVM's start-up) is not the URL's.
   */
  @Test
  void theWaitBeforeTheFirstAttemptIsNotCounted() {
    delegate.thenReturn(status(500), ms(400), ms(10)).thenReturn(success(), ms(30));

    DownloadResult result = downloader(3, 0.0).download(REQUEST);

    assertEquals(ms(10 + 125 + 30), result.elapsed());
    assertEquals(2, result.attempts());
  }

  @Test
  void serverErrorThenSuccess() {
    delegate.thenReturn(status(500), ms(10)).thenReturn(success(), ms(30));

    DownloadResult result = downloader(3, 0.0).download(REQUEST);

    assertEquals(new DownloadResult.Success(4, "http://***@a.test/file", 200, 1234,
        ms(10 + 125 + 30), 2, "worker-3"), result);
    assertEquals(List.of(ms(125)), time.waits());
    assertEquals(List.of(REQUEST, REQUEST), delegate.requests);
  }

  @Test
  void highJitterWaitsAlmostTheWholeDelay() {
    delegate.thenReturn(status(500), ms(10)).thenReturn(success(), ms(30));

    DownloadResult result = downloader(3, RetryPolicyTest.ALMOST_ONE).download(REQUEST);

    assertEquals(List.of(ms(249)), time.waits());
    assertEquals(ms(10 + 249 + 30), result.elapsed());
  }

  @Test
  void backoffDoublesAndIsCapped() {
    RetryPolicy policy = new RetryPolicy(5, ms(250), ms(1000), Duration.ofSeconds(30),
        () -> 0.0);
    for (int i = 0; i < 6; i++) {
      delegate.thenReturn(status(503), ms(1));
    }

    DownloadResult result =
        new RetryingDownloader(delegate, policy, time.time(), Diagnostics.none()).download(REQUEST);

    assertEquals(List.of(ms(125), ms(250), ms(500), ms(500), ms(500)), time.waits());
    assertEquals(6, result.attempts());
    assertEquals(ms(6 + 125 + 250 + 500 + 500 + 500), result.elapsed());
  }

  @Test
  void notFoundIsNotRetried() {
    delegate.thenReturn(status(404), ms(5));

    DownloadResult result = downloader(3, 0.0).download(REQUEST);

    assertEquals(new DownloadResult.Failure(4, "http://***@a.test/file", 404, 17, ms(5), 1,
        "worker-3", ErrorKind.HTTP, "HTTP 404", null), result);
    assertEquals(1, delegate.requests.size());
    assertEquals(List.of(), time.waits());
  }

  @Test
  void unknownHostIsNotRetried() {
    delegate.thenReturn(failure(ErrorKind.DNS, null, "unknown host a.test"), ms(5));

    DownloadResult result = downloader(3, 0.0).download(REQUEST);

    assertEquals(ErrorKind.DNS, ((DownloadResult.Failure) result).kind());
    assertEquals(1, result.attempts());
    assertEquals(List.of(), time.waits());
  }

  @Test
  void invalidUrlIsNotRetried() {
    delegate.thenReturn(failure(ErrorKind.INVALID_URL, null, "bad"), Duration.ZERO);

    DownloadResult result = downloader(3, 0.0).download(REQUEST);

    assertEquals(ErrorKind.INVALID_URL, ((DownloadResult.Failure) result).kind());
    assertEquals(1, delegate.requests.size());
    assertEquals(List.of(), time.waits());
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 503})
  void retryableStatusesAreRetried(int code) {
    delegate.thenReturn(status(code), ms(5)).thenReturn(success(), ms(5));

    DownloadResult result = downloader(3, 0.0).download(REQUEST);

    assertTrue(result.succeeded());
    assertEquals(2, result.attempts());
    assertEquals(List.of(ms(125)), time.waits());
  }

  @Test
  void transportFailureIsRetried() {
    delegate.thenReturn(failure(ErrorKind.CONNECT, null, "cannot connect"), ms(5))
        .thenReturn(failure(ErrorKind.TRUNCATED, 200, "body cut short"), ms(5))
        .thenReturn(success(), ms(5));

    DownloadResult result = downloader(3, 0.0).download(REQUEST);

    assertTrue(result.succeeded());
    assertEquals(3, result.attempts());
    assertEquals(List.of(ms(125), ms(250)), time.waits());
  }

  @Test
  void retryAfterReplacesBackoff() {
    DownloadResult.Failure busy = new DownloadResult.Failure(4, "http://***@a.test/file", 429,
        0, ms(5), 1, "worker-3", ErrorKind.HTTP, "HTTP 429", Duration.ofSeconds(7));
    delegate.thenReturn(busy, ms(5)).thenReturn(success(), ms(5));

    DownloadResult result = downloader(3, 0.0).download(REQUEST);

    assertEquals(List.of(Duration.ofSeconds(7)), time.waits());
    assertEquals(ms(7010), result.elapsed());
  }

  @Test
  void retryAfterIsCapped() {
    DownloadResult.Failure busy = new DownloadResult.Failure(4, "http://***@a.test/file", 503,
        0, ms(5), 1, "worker-3", ErrorKind.HTTP, "HTTP 503", Duration.ofHours(1));
    delegate.thenReturn(busy, ms(5)).thenReturn(success(), ms(5));

    downloader(3, 0.0).download(REQUEST);

    assertEquals(List.of(Duration.ofSeconds(30)), time.waits());
  }

  @Test
  void exhaustedRetriesReturnTheLastFailure() {
    delegate.thenReturn(failure(ErrorKind.TIMEOUT, null, "timed out: first"), ms(100))
        .thenReturn(failure(ErrorKind.IO, null, "I/O error: second"), ms(200))
        .thenReturn(failure(ErrorKind.HTTP, 502, "HTTP 502 Bad Gateway"), ms(300));

    DownloadResult result = downloader(2, 0.0).download(REQUEST);

    assertEquals(new DownloadResult.Failure(4, "http://***@a.test/file", 502, 17,
        ms(100 + 125 + 200 + 250 + 300), 3, "worker-3", ErrorKind.HTTP, "HTTP 502 Bad Gateway",
        null), result);
    assertEquals(List.of(ms(125), ms(250)), time.waits());
    assertEquals(3, delegate.requests.size());
  }

  @Test
  void zeroRetriesMeansOneAttempt() {
    delegate.thenReturn(status(503), ms(5));

    DownloadResult result = downloader(0, 0.0).download(REQUEST);

    assertEquals(1, result.attempts());
    assertEquals(List.of(), time.waits());
  }

  @Test
  void interruptDuringWaitReturnsLastFailureAndKeepsTheFlag() {
    DownloadResult.Failure first = status(503);
    delegate.thenReturn(first, ms(20)).thenReturn(success(), ms(5));
    time.interruptSleeps();

    DownloadResult result = downloader(3, 0.0).download(REQUEST);

    assertTrue(Thread.interrupted(), "interrupt flag restored");
    assertInstanceOf(DownloadResult.Failure.class, result);
    assertEquals(first.afterAttempts(1, ms(20)), result);
    assertEquals(1, delegate.requests.size());
    assertEquals(List.of(ms(125)), time.waits());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void passesTheSameRequestEachTime() {
    delegate.thenReturn(status(500), ms(1)).thenReturn(status(500), ms(1))
        .thenReturn(success(), ms(1));

    downloader(5, 0.0).download(REQUEST);

    assertEquals(3, delegate.requests.size());
    delegate.requests.forEach(r -> assertSame(REQUEST, r));
  }

  @Test
  void asyncRetriesWaitOnTheInjectedSchedulerAndDecideAsTheBlockingFormDoes() throws Exception {
    delegate.thenReturn(status(503), ms(20)).thenReturn(status(503), ms(30))
        .thenReturn(success(), ms(5));

    DownloadResult result = downloader(2, 0.0).downloadAsync(REQUEST).get();

    assertEquals(3, result.attempts());
    assertEquals(200, result.status());
    assertEquals(List.of(ms(125), ms(250)), time.waits());
    assertEquals(3, delegate.requests.size());
  }

  @Test
  void asyncGivesUpWhereTheBlockingFormDoes() throws Exception {
    delegate.thenReturn(status(503), ms(20)).thenReturn(status(503), ms(30));

    DownloadResult result = downloader(1, 0.0).downloadAsync(REQUEST).get();

    assertEquals(2, result.attempts());
    assertEquals(List.of(ms(125)), time.waits());
    assertEquals(2, delegate.requests.size());
  }

  @Test
  void aBugInALaterAsyncAttemptCompletesTheFutureExceptionallyNeverLeavesItHanging() {
    Downloader breaksOnRetry = new Downloader() {
      int calls;

      @Override
      public DownloadResult download(DownloadRequest request) {
        throw new AssertionError("async only");
      }

      @Override
      public CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
        if (++calls > 1) {
          throw new IllegalStateException("bug on attempt " + calls);
        }
        return CompletableFuture.completedFuture(status(503));
      }
    };
    // Like a real executor, this scheduler swallows what its task throws.
    Time swallowing = new Time(ticker, time.time().wallClock(), time.time().sleeper(),
        (delay, task) -> {
          try {
            task.run();
          } catch (RuntimeException ignored) {
            // lost, as on a real executor's thread
          }
        });
    RetryingDownloader downloader = new RetryingDownloader(breaksOnRetry,
        RetryPolicyTest.policy(2, 0.0), swallowing, Diagnostics.none());

    CompletableFuture<DownloadResult> result = downloader.downloadAsync(REQUEST);

    assertTrue(result.isCompletedExceptionally(), "completed, not left hanging");
    ExecutionException e = assertThrows(ExecutionException.class, result::get);
    assertTrue(e.getCause().getMessage().contains("bug on attempt 2"), e.toString());
  }
}
