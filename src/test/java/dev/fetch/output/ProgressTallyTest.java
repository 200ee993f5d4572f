package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.testing.FakeTime;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ProgressTallyTest {
  private final FakeTime.FakeTicker ticker = new FakeTime().ticker();
  private final ProgressTally tally = new ProgressTally(ticker);

  @Test
  void bytesArriveAsTheyAreReadAndTheTotalIsKnownOnceEveryUrlDeclaredItsLength() {
    tally.urls(2);
    DownloadRequest big = request(0, "http://a.test/big");
    DownloadRequest small = request(1, "http://a.test/small");
    tally.started(big);
    tally.bodyStarted(big, 20_000);
    tally.read(big, 3_000);

    ProgressSnapshot one = tally.snapshot();
    assertEquals(3_000, one.bytes());
    assertEquals(-1, one.totalBytes(), "one URL has not started");
    assertEquals(1, one.inFlight());

    tally.started(small);
    tally.bodyStarted(small, 500);
    tally.read(small, 500);
    DownloadResult done = success(small, 500);
    tally.finished(small, done);
    tally.reported(done);

    ProgressSnapshot two = tally.snapshot();
    assertEquals(3_500, two.bytes());
    assertEquals(20_500, two.totalBytes());
    assertEquals(20_500, two.estimatedTotal());
    assertEquals(1, two.done());
    assertEquals(1, two.inFlight());
    assertEquals(3_500, two.arrived());
  }

  @Test
  void aRetriedAttemptStartsItsUrlsBytesAgainButTheRateCountsEveryByte() {
    tally.urls(1);
    DownloadRequest flaky = request(0, "http://a.test/flaky");
    tally.started(flaky);
    tally.bodyStarted(flaky, 1_000);
    tally.read(flaky, 600);
    tally.bodyStarted(flaky, 1_000);
    tally.read(flaky, 100);

    ProgressSnapshot snapshot = tally.snapshot();
    assertEquals(100, snapshot.bytes());
    assertEquals(700, snapshot.arrived());
    assertEquals(1_000, snapshot.totalBytes());
  }

  @Test
  void withoutEveryLengthTheTotalIsEstimatedFromTheFinishedUrls() {
    tally.urls(4);
    for (int i = 0; i < 2; i++) {
      DownloadRequest request = request(i, "http://a.test/" + i);
      tally.started(request);
      tally.read(request, 1_000);
      tally.finished(request, success(request, 1_000));
    }

    ProgressSnapshot snapshot = tally.snapshot();
    assertEquals(-1, snapshot.totalBytes());
    assertEquals(4_000, snapshot.estimatedTotal(), "two more of the mean size");
  }

  @Test
  void anInvalidLineIsNeverStartedButIsNotWaitedFor() {
    tally.urls(2);
    tally.reported(DownloadResult.Failure.beforeRequest(0, "ftp://x", ErrorKind.INVALID_URL,
        "list.txt:1: unsupported scheme"));
    DownloadRequest only = request(1, "http://a.test/");
    tally.started(only);
    tally.bodyStarted(only, 10);

    ProgressSnapshot snapshot = tally.snapshot();
    assertEquals(10, snapshot.totalBytes());
    assertEquals(1, snapshot.failed());
  }

  @Test
  void theSlowestUrlIsNamedOnlyWhenItHoldsTheRunUp() {
    tally.urls(3);
    DownloadRequest slow = request(0, "http://a.test/slow");
    tally.started(slow);
    tally.bodyStarted(slow, 4_000);
    tally.read(slow, 1_000);
    ticker.advance(Duration.ofMillis(1_500));
    assertNull(tally.snapshot().slowest(), "not long enough yet");

    ticker.advance(Duration.ofMillis(600));
    DownloadRequest fresh = request(1, "http://a.test/fresh");
    tally.started(fresh);
    ticker.advance(Duration.ofMillis(500));
    ProgressSnapshot.Slowest slowest = tally.snapshot().slowest();
    assertNotNull(slowest, "2.6 s against 0.5 s");
    assertEquals("http://a.test/slow", slowest.url());
    assertEquals(1_000, slowest.bytes());
    assertEquals(4_000, slowest.length());
    assertEquals(Duration.ofMillis(2_600), slowest.age());

    ticker.advance(Duration.ofSeconds(2));
    assertNull(tally.snapshot().slowest(), "4.6 s against 2.5 s: not twice as long");

    tally.finished(fresh, success(fresh, 0));
    assertNotNull(tally.snapshot().slowest(), "alone in flight");
  }

  private static DownloadRequest request(int index, String url) {
    return new DownloadRequest(index, HttpUrl.get(url));
  }

  private static DownloadResult success(DownloadRequest request, long bytes) {
    return new DownloadResult.Success(request.index(), request.displayUrl(), 200, bytes,
        Duration.ofMillis(10), 1, "worker-1");
  }
}
