package dev.fetch.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.CookieStore;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.NetscapeCookie;
import dev.fetch.download.RequestSettings;
import dev.fetch.log.Diagnostics;
import dev.fetch.testing.TestSite;
import dev.fetch.time.Ticker;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The run's cookies across real worker JVMs: what one worker receives reaches the parent's store
 * with its result, and the next task of another worker brings it along.
 */
class WorkerCookiesTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final ExecutorService first = Executors.newSingleThreadExecutor();
  private final ExecutorService second = Executors.newSingleThreadExecutor();

  {
    server.setDispatcher(new TestSite());
  }

  @AfterEach
  void stop() throws InterruptedException {
    first.shutdown();
    second.shutdown();
    first.awaitTermination(10, TimeUnit.SECONDS);
    second.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  @Timeout(60)
  void aCookieOneWorkerReceivesIsSentByAnother() throws Exception {
    NetscapeCookie loaded = new NetscapeCookie(server.getHostName(), false, "/", false, false, 0,
        "loaded", "0");
    DownloadSettings settings = DownloadSettings.builder().workers(2)
        .request(RequestSettings.defaults().withCookies(List.of(loaded), null, true, null))
        .build();
    CookieStore cookies = CookieStore.of(settings.request().cookies(), Clock.systemUTC());
    WorkerPool pool = new WorkerPool(WorkerJvm.current(), settings, Ticker.system(),
        Diagnostics.none(), cookies);
    try {
      DownloadResult set = first.submit(() -> pool.download(
          new DownloadRequest(0, server.url("/set-cookie/sid=w1")))).get(30, TimeUnit.SECONDS);
      DownloadResult after = second.submit(() -> pool.download(
          new DownloadRequest(1, server.url("/after")))).get(30, TimeUnit.SECONDS);

      assertTrue(set.succeeded() && after.succeeded(), set + " " + after);
      assertNotEquals(set.worker(), after.worker(), "two worker processes");
      assertEquals(List.of("loaded=0", "sid=w1"), cookies.all().stream()
          .map(NetscapeCookie::pair).toList(), "the parent's store has it");
      assertEquals("loaded=0", server.takeRequest().getHeaders().get("Cookie"));
      assertEquals("loaded=0; sid=w1", server.takeRequest().getHeaders().get("Cookie"),
          "the second worker sent what the first received");
    } finally {
      pool.close();
    }
  }
}
