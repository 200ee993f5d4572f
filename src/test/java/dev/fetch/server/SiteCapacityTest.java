package dev.fetch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The site holds a thousand delayed requests at once on a handful of threads. */
class SiteCapacityTest {
  private static final int CONNECTIONS = 1000;

  @Test
  void holdsAThousandConcurrentDelayedConnections() throws Exception {
    try (SiteServer server = SiteServer.start("127.0.0.1", 0)) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30)).build();
      List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
      for (int i = 0; i < CONNECTIONS; i++) {
        HttpRequest request = HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/bytes/100/" + i + "?delay=4000")).build();
        responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
      }
      CompletableFuture.allOf(responses.toArray(new CompletableFuture<?>[0]))
          .get(60, TimeUnit.SECONDS);

      for (CompletableFuture<HttpResponse<byte[]>> response : responses) {
        assertEquals(200, response.get().statusCode());
        assertEquals(100, response.get().body().length);
      }
      ServerStats stats = server.stats();
      assertEquals(CONNECTIONS, stats.requests());
      assertEquals(CONNECTIONS, stats.maxPendingDelays(),
          "every request was waiting out its delay at the same time");
      long loops = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("nioEventLoopGroup")).count();
      assertTrue(loops <= 2L * Runtime.getRuntime().availableProcessors() + 1,
          "no thread per request: " + loops + " event-loop threads");
    }
  }
}
