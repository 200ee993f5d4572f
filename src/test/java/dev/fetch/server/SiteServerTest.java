package dev.fetch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each endpoint of the test site, checked with a real HTTP client over 127.0.0.1. */
class SiteServerTest {
  private static SiteServer server;
  private static OkHttpClient client;

  @BeforeAll
  static void start() throws IOException {
    server = SiteServer.start("127.0.0.1", 0);
    client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10))
        .followRedirects(false).build();
  }

  @AfterAll
  static void stop() {
    server.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private static Response get(String path) throws IOException {
    return client.newCall(new Request.Builder().url(server.baseUrl() + path).build()).execute();
  }

  private static String pattern(int size) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < size; i++) {
      text.append((char) ('a' + i % 26));
    }
    return text.toString();
  }

  @Test
  void bytesServesExactlyNDeterministicBytes() throws IOException {
    for (int size : new int[] {0, 1, 26, 1000, PatternBody.CHUNK, PatternBody.CHUNK + 1,
        300_001}) {
      try (Response response = get("/bytes/" + size)) {
        assertEquals(200, response.code());
        assertEquals(String.valueOf(size), response.header("Content-Length"));
        assertEquals(pattern(size), response.body().string(), "size " + size);
      }
    }
  }

  private static Response get(String path, String... headers) throws IOException {
    Request.Builder request = new Request.Builder().url(server.baseUrl() + path);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.newCall(request.build()).execute();
  }

  @Test
  void bytesCarryAnEtagAndALastModifiedPerVersion() throws IOException {
    try (Response v0 = get("/bytes/100"); Response v2 = get("/bytes/100?v=2")) {
      assertEquals("\"100-v0\"", v0.header("ETag"));
      assertEquals("Thu, 01 Jan 2026 00:00:00 GMT", v0.header("Last-Modified"));
      assertEquals("\"100-v2\"", v2.header("ETag"));
      assertEquals("Thu, 01 Jan 2026 02:00:00 GMT", v2.header("Last-Modified"));
      assertEquals(pattern(102).substring(2), v2.body().string(), "version 2 is shifted by 2");
    }
  }

  @Test
  void aConditionalRequestForTheSameVersionGets304() throws IOException {
    try (Response tag = get("/bytes/100", "If-None-Match", "\"100-v0\"");
        Response other = get("/bytes/100?v=1", "If-None-Match", "\"100-v0\"");
        Response date = get("/bytes/100", "If-Modified-Since", "Thu, 01 Jan 2026 00:00:00 GMT");
        Response older = get("/bytes/100", "If-Modified-Since",
            "Wed, 31 Dec 2025 23:59:59 GMT")) {
      assertEquals(304, tag.code());
      assertEquals(200, other.code());
      assertEquals(304, date.code());
      assertEquals(200, older.code());
    }
  }

  @Test
  void aRangeGets206AndARangePastTheEnd416() throws IOException {
    try (Response part = get("/bytes/100000", "Range", "bytes=70000-");
        Response closed = get("/bytes/100", "Range", "bytes=10-19");
        Response past = get("/bytes/100", "Range", "bytes=100-")) {
      assertEquals(206, part.code());
      assertEquals("bytes 70000-99999/100000", part.header("Content-Range"));
      assertEquals(pattern(100000).substring(70000), part.body().string());
      assertEquals("bytes 10-19/100", closed.header("Content-Range"));
      assertEquals("klmnopqrst", closed.body().string());
      assertEquals(416, past.code());
      assertEquals("bytes */100", past.header("Content-Range"));
    }
  }

  @Test
  void anIfRangeForAnotherVersionGetsTheWholeBody() throws IOException {
    try (Response stale = get("/bytes/100?v=1", "Range", "bytes=50-", "If-Range", "\"100-v0\"");
        Response fresh = get("/bytes/100?v=1", "Range", "bytes=50-", "If-Range",
            "\"100-v1\"")) {
      assertEquals(200, stale.code());
      assertEquals(100, stale.body().string().length());
      assertEquals(206, fresh.code());
    }
  }

  @Test
  void cutSendsTheBodyUpToItsByteAndThenCloses() throws IOException {
    try (Response cut = get("/bytes/100000?cut=70001")) {
      assertEquals("100000", cut.header("Content-Length"));
      BufferedSource body = cut.body().source();
      assertEquals(pattern(70001), body.readUtf8(70001));
      assertThrows(IOException.class, () -> body.readByteArray());
    }
    try (Response rest = get("/bytes/100000?cut=80000", "Range", "bytes=70000-")) {
      assertEquals(206, rest.code());
      BufferedSource body = rest.body().source();
      assertEquals(pattern(80000).substring(70000), body.readUtf8(10000), "to byte K of the whole");
      assertThrows(IOException.class, () -> body.readByteArray());
    }
  }

  @Test
  void extraPathSegmentsMakeUniqueUrlsForTheSameBody() throws IOException {
    try (Response response = get("/bytes/30/7")) {
      assertEquals(pattern(30), response.body().string());
    }
  }

  @Test
  void delayHoldsTheHeadersBack() throws IOException {
    long start = System.nanoTime();
    try (Response response = get("/bytes/10?delay=300")) {
      assertEquals(200, response.code());
    }
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
  }

  @Test
  void rateTricklesTheBodyAndItStillArrivesWhole() throws IOException {
    long start = System.nanoTime();
    try (Response response = get("/bytes/3000?rate=10000")) {
      assertEquals(pattern(3000), response.body().string());
    }
    // 3000 bytes at 10000 B/s, in 500-byte steps every 50 ms: at least 5 pauses.
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(250));
  }

  @Test
  void statusAndRetryAfter() throws IOException {
    try (Response response = get("/status/503?retry-after=7")) {
      assertEquals(503, response.code());
      assertEquals("7", response.header("Retry-After"));
      assertEquals("status 503\n", response.body().string());
    }
    try (Response response = get("/status/404")) {
      assertEquals(404, response.code());
      assertNull(response.header("Retry-After"));
    }
    try (Response response = get("/status/204")) {
      assertEquals(204, response.code());
      assertEquals("", response.body().string());
    }
    try (Response response = get("/status/99")) {
      assertEquals(400, response.code());
      assertEquals("status code must be between 200 and 599, not 99\n",
          response.body().string());
    }
  }

  @Test
  void dropCutsTheConnectionAfterNBytes() throws IOException {
    try (Response response = get("/drop/5000")) {
      assertEquals("6024", response.header("Content-Length"));
      BufferedSource body = response.body().source();
      body.require(5000);
      assertThrows(IOException.class, () -> body.require(5001));
    }
  }

  @Test
  void stallSendsHeadersButNoBody() throws IOException {
    OkHttpClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(300)).build();
    try (Response response = impatient.newCall(
        new Request.Builder().url(server.baseUrl() + "/stall").build()).execute()) {
      assertEquals(200, response.code());
      assertEquals("1024", response.header("Content-Length"));
      assertThrows(IOException.class, () -> response.body().source().require(1));
    }
  }

  @Test
  void redirectCountsDown() throws IOException {
    try (Response response = get("/redirect/3")) {
      assertEquals(302, response.code());
      assertEquals("/redirect/2", response.header("Location"));
    }
    try (Response response = get("/redirect/0")) {
      assertEquals(200, response.code());
    }
    OkHttpClient following = client.newBuilder().followRedirects(true).build();
    try (Response response = following.newCall(
        new Request.Builder().url(server.baseUrl() + "/redirect/3").build()).execute()) {
      assertEquals(200, response.code());
      int hops = 0;
      for (Response prior = response.priorResponse(); prior != null;
          prior = prior.priorResponse()) {
        hops++;
      }
      assertEquals(3, hops);
    }
  }

  @Test
  void listPointsBackAtTheServer() throws IOException {
    try (Response response = get("/list?count=3&size=100&delay=50")) {
      assertEquals(List.of(
          server.baseUrl() + "/bytes/100/0?delay=50",
          server.baseUrl() + "/bytes/100/1?delay=50",
          server.baseUrl() + "/bytes/100/2?delay=50"),
          List.of(response.body().string().split("\n")));
    }
  }

  @Test
  void seedListMirrorsTheTutorialsPagesAtTheirRealSizes() throws IOException {
    List<String> lines;
    try (Response response = get("/seed.txt?delay=0")) {
      lines = List.of(response.body().string().split("\n"));
    }
    assertEquals(15, lines.size());
    assertEquals(server.baseUrl() + "/wiki/Portal:Arts?delay=0", lines.get(0));
    long total = 0;
    for (String url : lines) {
      try (Response page = client.newCall(new Request.Builder().url(url).build()).execute()) {
        total += page.body().bytes().length;
      }
    }
    assertEquals(3278509, total);
    try (Response response = get("/seed.txt")) {
      assertEquals(server.baseUrl() + "/wiki/Portal:Arts", response.body().string()
          .split("\n")[0], "the default 150 ms latency is implied");
    }
  }

  @Test
  void aBadPercentEscapeIsAnsweredWith400NotADroppedConnection() throws IOException {
    for (String target : new String[] {"/bytes/%zz", "/bytes/5?delay=%G1", "/%"}) {
      java.net.URI base = java.net.URI.create(server.baseUrl());
      try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\n"
            + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String answer = new String(socket.getInputStream().readAllBytes(),
            java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(answer.startsWith("HTTP/1.1 400 "), target + ": " + answer);
      }
    }
  }

  @Test
  void unknownPathsAndBadNumbersAreClientErrors() throws IOException {
    try (Response response = get("/nowhere")) {
      assertEquals(404, response.code());
    }
    try (Response response = get("/bytes/many")) {
      assertEquals(400, response.code());
      assertEquals("size must be a whole number, not 'many'\n", response.body().string());
    }
    try (Response response = get("/wiki/Nonexistent")) {
      assertEquals(404, response.code());
    }
  }

  @Test
  void indexListsTheEndpoints() throws IOException {
    try (Response response = get("/")) {
      String text = response.body().string();
      assertTrue(text.contains(server.baseUrl() + "/bytes/N"), text);
      assertTrue(text.contains(server.baseUrl() + "/seed.txt"), text);
    }
  }

  @Test
  void keepsConnectionsAlive() throws IOException {
    for (int i = 0; i < 5; i++) {
      try (Response response = get("/bytes/10")) {
        response.body().string();
      }
    }
    assertEquals(1, client.connectionPool().connectionCount());
  }

  @Test
  void aTakenPortIsAClearError() throws IOException {
    PortInUseException e = assertThrows(PortInUseException.class,
        () -> SiteServer.start("127.0.0.1", server.port()));
    assertEquals("port " + server.port() + " on 127.0.0.1 is already in use (try --port 0 for a"
        + " free one)", e.getMessage());
  }
}
