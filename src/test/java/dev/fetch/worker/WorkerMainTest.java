package dev.fetch.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.CookieStore;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.NetscapeCookie;
import dev.fetch.download.ErrorKind;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dev.fetch.testing.TestSite;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** A worker's answer to one task: always a result message, whatever goes wrong. */
class WorkerMainTest {
  private final WireFormat.Task task = new WireFormat.Task(
      new DownloadRequest(7, HttpUrl.get("http://a.test/x")), "x");
  private final Map<Integer, String> files = new ConcurrentHashMap<>(Map.of(7, "x"));

  private DownloadResult.Failure decode(String answer) {
    return (DownloadResult.Failure) WireFormat.result(WireFormat.parse(answer), "worker-1/pid-2");
  }

  @Test
  void aDownloaderThatThrowsIsTheUrlsInternalError() {
    DownloadResult.Failure failure = decode(WorkerMain.answer(request -> {
      throw new IllegalStateException("bug");
    }, task, files, CookieStore.off()));

    assertEquals(7, failure.index());
    assertEquals(ErrorKind.IO, failure.kind());
    assertEquals("internal error in worker: java.lang.IllegalStateException: bug",
        failure.message());
    assertEquals(Map.of(), files, "the file name is forgotten");
  }

  @Test
  void aResultThatCannotBeEncodedIsTheUrlsInternalError() {
    // A failure without a kind: encoding it throws, which must not silence the worker.
    DownloadResult.Failure failure = decode(WorkerMain.answer(request -> new DownloadResult
        .Failure(7, "http://a.test/x", null, 0, Duration.ZERO, 1, null, null, "?", null),
        task, files, CookieStore.off()));

    assertEquals(ErrorKind.IO, failure.kind());
    assertTrue(failure.message().startsWith("internal error in worker: "
        + "java.lang.NullPointerException"), failure.message());
  }

  @Test
  void aRetryAfterCenturiesAheadIsAnsweredSaturated() {
    DownloadResult.Failure failure = decode(WorkerMain.answer(request -> new DownloadResult
        .Failure(7, "http://a.test/x", 503, 10, Duration.ofMillis(3), 1, null, ErrorKind.HTTP,
        "HTTP 503", Duration.ofSeconds(Long.MAX_VALUE / 2)), task, files, CookieStore.off()));

    assertEquals(ErrorKind.HTTP, failure.kind());
    assertEquals(Duration.ofNanos(Long.MAX_VALUE), failure.retryAfter());
  }

  @Test
  void theTasksCookiesAreStoredFirstAndTheDownloadsOwnComeBackWithTheResult() {
    NetscapeCookie given = new NetscapeCookie("a.test", false, "/", false, false, 0, "given",
        "1");
    NetscapeCookie set = new NetscapeCookie("a.test", false, "/", false, false, 0, "set", "2");
    CookieStore cookies = CookieStore.of(List.of(), Clock.systemUTC());
    WireFormat.Task withCookies = new WireFormat.Task(task.request(), null, List.of(given));

    String answer = WorkerMain.answer(request -> {
      assertEquals(List.of(given), cookies.all(), "stored before the download");
      cookies.put(set);
      return new DownloadResult.Success(7, "http://a.test/x", 200, 1, Duration.ZERO, 1, null);
    }, withCookies, files, cookies);

    assertEquals(List.of(set), WireFormat.cookies(WireFormat.parse(answer)), "only its own");
  }

  @Test
  void aRehearsalDownloadsEachUrlInThisJvmAndEndsCleanly() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new TestSite());
      server.start();

      int code = WorkerMain.rehearse(List.of(server.url("/bytes/10"), server.url("/bytes/20")));

      assertEquals(0, code);
      assertEquals(2, server.getRequestCount(), "each task was downloaded before it returned");
    }
  }
}
