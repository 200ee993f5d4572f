package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.DownloadSettings;
import dev.fetch.log.Diagnostics;
import dev.fetch.time.Time;
import dev.fetch.download.WorkerNames;
import dev.fetch.save.BodySink;
import dev.fetch.testing.FixedDispatcher;
import dev.fetch.testing.HeldBody;
import dev.fetch.testing.Ports;
import dev.fetch.testing.RecordingSink;
import dev.fetch.testing.TestSite;
import dev.fetch.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link OkHttpDownloader} against a real server on 127.0.0.1. */
class OkHttpDownloaderTest {
  private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");
  /** Each attempt reads the ticker once when the call starts and once at the end. */
  private static final Duration ONE_TICK = Duration.ofMillis(1);

  private final TestSite site = new TestSite();
  @StartStop private final MockWebServer server = new MockWebServer();
  private final RecordingSink sink = new RecordingSink();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  /** Moves one millisecond forward on every read. */
  private final Ticker ticker = () -> nanos.addAndGet(ONE_TICK.toNanos());
  private OkHttpClient client;

  {
    server.setDispatcher(site);
  }

  @AfterEach
  void shutDown() {
    if (client != null) {
      HttpClients.shutdown(client, false);
    }
  }

  /** The one place a downloader is built: with the production client, this sink and limit. */
  private OkHttpDownloader downloader(BodySink sink, long maxSize) {
    DownloadSettings settings = DownloadSettings.builder().workers(4)
        .connectTimeout(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(5))
        .userAgent("fetch-test").maxSize(maxSize).build();
    client = HttpClients.create(settings);
    Time time = new Time(ticker, Clock.fixed(NOW, ZoneOffset.UTC), Time.system().sleeper(),
        Time.system().scheduler());
    return new OkHttpDownloader(client, sink, settings, time, Diagnostics.none());
  }

  private OkHttpDownloader downloader() {
    return downloader(sink, 0);
  }

  private DownloadRequest request(int index, String path) {
    return new DownloadRequest(index, server.url(path));
  }

  private static DownloadResult.Failure failure(DownloadRequest request, Integer status,
      long bytes, ErrorKind kind, String message, Duration retryAfter) {
    // Every response here is MockWebServer's HTTP/1.1; no response, no protocol.
    return new DownloadResult.Failure(request.index(), request.displayUrl(), status, bytes,
        ONE_TICK, 1, WorkerNames.current(), kind, message, retryAfter,
        status == null ? null : "http/1.1");
  }

  @Test
  void aSuccessCountsTheBodysBytesAndStoresIt() throws Exception {
    DownloadRequest request = request(3, "/bytes/129886");
    DownloadResult result = downloader().download(request);

    assertEquals(new DownloadResult.Success(3, server.url("/bytes/129886").toString(), 200,
        129886, ONE_TICK, 1, WorkerNames.current(), "http/1.1"), result);
    assertEquals(List.of(request), sink.drained());
    assertEquals("fetch-test", server.takeRequest().getHeaders().get("User-Agent"));
  }

  @Test
  void aGzipBodyIsCountedDecoded() {
    DownloadResult result = downloader().download(request(0, "/gzip/50000"));

    assertTrue(result.succeeded(), result.toString());
    assertEquals(50000, result.bytes());
  }

  @Test
  void aNotFoundIsAnHttpFailureWithItsBodyCountedButNotStored() {
    DownloadRequest request = request(1, "/status/404");
    DownloadResult result = downloader().download(request);

    assertEquals(failure(request, 404, "status 404".length(), ErrorKind.HTTP,
        "HTTP 404 Client Error", null), result);
    assertEquals(List.of(), sink.drained(), "an error page is never stored");
  }

  @Test
  void redirectsAreFollowedAndTheResultKeepsTheUrlAsGiven() {
    DownloadRequest request = request(0, "/redirect/3");
    DownloadResult result = downloader().download(request);

    assertEquals(new DownloadResult.Success(0, server.url("/redirect/3").toString(), 200, 10,
        ONE_TICK, 1, WorkerNames.current(), "http/1.1"), result);
    assertEquals(4, server.getRequestCount(), "three redirects, then the page");
  }

  @Test
  void aRedirectWithoutLocationIsNotFollowedAndIsAnHttpFailure() {
    server.setDispatcher(new FixedDispatcher(new MockResponse.Builder().code(302)
        .body("moved").build()));
    DownloadRequest request = request(0, "/moved");
    DownloadResult result = downloader().download(request);

    assertEquals(failure(request, 302, 5, ErrorKind.HTTP,
        "HTTP 302 Redirection: redirect not followed (no Location header)", null), result);
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), sink.drained());
  }

  @Test
  void retryAfterInSecondsIsParsedOntoTheFailure() {
    DownloadRequest request = request(0, "/status/503?retry-after=120");
    DownloadResult result = downloader().download(request);

    assertEquals(failure(request, 503, "status 503".length(), ErrorKind.HTTP,
        "HTTP 503 Server Error", Duration.ofSeconds(120)), result);
  }

  @Test
  void retryAfterAsADateIsParsedAgainstTheInjectedClock() {
    server.setDispatcher(new FixedDispatcher(new MockResponse.Builder().code(429)
        .addHeader("Retry-After", "Fri, 27 Nov 2026 00:00:30 GMT").build()));
    DownloadResult result = downloader().download(request(0, "/busy"));

    DownloadResult.Failure failure = assertInstanceOf(DownloadResult.Failure.class, result);
    assertEquals(Duration.ofSeconds(30), failure.retryAfter());
    assertEquals("HTTP 429 Client Error", failure.message());
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthAndNeverInTheResult() throws Exception {
    HttpUrl url = server.url("/bytes/3").newBuilder().username("alice").password("s3cret")
        .build();
    DownloadResult result = downloader().download(new DownloadRequest(0, url));

    assertEquals(new DownloadResult.Success(0, server.url("/bytes/3").toString()
        .replace("http://", "http://***@"), 200, 3, ONE_TICK, 1, WorkerNames.current(),
        "http/1.1"), result);
    assertFalse(result.toString().contains("s3cret") || result.toString().contains("alice"),
        result.toString());
    assertEquals(Credentials.basic("alice", "s3cret"),
        server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void noCredentialsNoAuthorizationHeader() throws Exception {
    downloader().download(request(0, "/bytes/3"));

    assertNull(server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void aContentLengthOverMaxSizeFailsBeforeTheBodyIsRead() {
    OkHttpDownloader downloader = downloader(sink, 1000);
    DownloadRequest big = request(0, "/bytes/1001");
    DownloadResult tooLarge = downloader.download(big);

    assertEquals(failure(big, 200, 0, ErrorKind.TOO_LARGE,
        "body larger than --max-size (1000 bytes)", null), tooLarge);
    assertEquals(List.of(), sink.drained(), "the body never reached the sink");
    assertTrue(downloader.download(request(1, "/bytes/1000")).succeeded(),
        "exactly the limit is allowed");
  }

  @Test
  void aBodyThatGrowsPastMaxSizeIsStoppedWhenItDoes() {
    // Gzip-encoded, so no Content-Length tells the decoded size in advance.
    DownloadRequest bomb = request(0, "/gzip/1000000");
    DownloadResult result = downloader(sink, 1000).download(bomb);

    DownloadResult.Failure failure = assertInstanceOf(DownloadResult.Failure.class, result);
    assertEquals(ErrorKind.TOO_LARGE, failure.kind(), failure.toString());
    assertEquals("body larger than --max-size (1000 bytes)", failure.message());
    assertEquals(200, failure.status());
    assertTrue(failure.bytes() > 1000 && failure.bytes() <= 1000 + 8192,
        "stopped within one read of the limit: " + failure);
    assertEquals(List.of(bomb), sink.drained(), "the body had started");
  }

  @Test
  void cancelAllAbortsADownloadWhoseBodyIsInProgress() throws Exception {
    HeldBody held = new HeldBody(20_000, 20);
    server.setDispatcher(new FixedDispatcher(new MockResponse.Builder().body(held).build()));
    OkHttpDownloader downloader = downloader();
    DownloadRequest request = request(0, "/held");
    CompletableFuture<DownloadResult> running = new CompletableFuture<>();
    Thread worker = new Thread(() -> running.complete(downloader.download(request)),
        "held-worker");
    worker.start();
    try {
      assertTrue(held.sent().await(10, TimeUnit.SECONDS), "half the body was sent");
      assertTrue(sink.draining().await(10, TimeUnit.SECONDS), "the headers had arrived");
      downloader.cancelAll();
      DownloadResult result = running.get(10, TimeUnit.SECONDS);

      DownloadResult.Failure failure = assertInstanceOf(DownloadResult.Failure.class, result);
      assertEquals(200, failure.status());
      // Cancelling closes the socket under the body being read: to the classifier, a body cut
      // short.
      assertEquals(ErrorKind.TRUNCATED, failure.kind(), failure.toString());
      assertEquals("body cut short: Socket closed", failure.message());
      assertTrue(failure.bytes() <= 10_000, "at most the half that was sent: " + failure);
      assertEquals("held-worker", failure.worker());
    } finally {
      held.release();
      worker.join(10_000);
    }
  }

  @Test
  void afterCancelAllNewDownloadsFailWithoutARequest() {
    OkHttpDownloader downloader = downloader();
    downloader.cancelAll();
    DownloadResult result = downloader.download(request(0, "/bytes/10"));

    DownloadResult.Failure failure = assertInstanceOf(DownloadResult.Failure.class, result);
    assertNull(failure.status());
    assertEquals(ErrorKind.IO, failure.kind(), failure.toString());
    assertEquals("I/O error: Canceled", failure.message());
    assertEquals(0, server.getRequestCount());
    assertEquals(List.of(), sink.drained());
  }

  @Test
  void downloadAsyncCompletesWithTheSameResultsOnADispatcherThread() throws Exception {
    OkHttpDownloader downloader = downloader();
    List<DownloadRequest> requests = List.of(request(0, "/bytes/129886"),
        request(1, "/status/404"), request(2, "/redirect/2"),
        request(3, "/status/503?retry-after=7"),
        new DownloadRequest(4, HttpUrl.get("http://127.0.0.1:" + Ports.refused() + "/")));
    for (DownloadRequest request : requests) {
      DownloadResult blocking = downloader.download(request);
      DownloadResult async = downloader.downloadAsync(request).get(10, TimeUnit.SECONDS);

      assertTrue(async.worker().matches("async-\\d+"), async.toString());
      assertEquals(withWorker(blocking, async.worker()), async);
    }
  }

  private static DownloadResult withWorker(DownloadResult result, String worker) {
    if (result instanceof DownloadResult.Success s) {
      return new DownloadResult.Success(s.index(), s.url(), s.status(), s.bytes(), s.elapsed(),
          s.attempts(), worker, s.protocol());
    }
    DownloadResult.Failure f = (DownloadResult.Failure) result;
    return new DownloadResult.Failure(f.index(), f.url(), f.status(), f.bytes(), f.elapsed(),
        f.attempts(), worker, f.kind(), f.message(), f.retryAfter(), f.protocol());
  }
}
