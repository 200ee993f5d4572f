package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.cli.ExitCodes;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.Modes;
import dev.fetch.testing.RawServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --connect-timeout} covers the TLS handshake as well as the TCP connection: a server that
 * accepts and then says nothing, or that trickles its handshake a byte at a time, fails the URL
 * after the connect timeout, even with no overall {@code --timeout}.
 */
class HandshakeTimeoutTest {
  @TempDir Path dir;
  private RawServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"SEQUENTIAL", "THREADS", "ASYNC", "PROCESSES"})
  void aSilentTlsServerFailsAfterTheConnectTimeout(Mode mode) throws IOException {
    Modes.assumeAvailable(mode);
    server = RawServer.silent();
    Path list = ListFiles.write(dir, List.of("https://127.0.0.1:" + server.port() + "/"));

    long start = System.nanoTime();
    Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run(
        "-m", mode.name().toLowerCase(Locale.ROOT), "-f", "jsonl", "--retries", "0",
        "--connect-timeout", "500ms", "--timeout", "0", list.toString()));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.toString());
    List<JsonNode> results = JsonLines.results(result);
    assertEquals(1, results.size(), result.toString());
    JsonNode only = results.get(0);
    assertEquals("timeout", only.get("error_kind").asText(), result.toString());
    assertTrue(only.get("error").asText().contains("TLS handshake"), result.toString());
    double elapsedMs = only.get("elapsed_ms").asDouble();
    assertTrue(elapsedMs >= 450 && elapsedMs < 5_000, result.toString());
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, took + "\n" + result);
    assertEquals(1, server.connections(), "no second attempt: " + result);
  }

  /**
   * A server that sends a TLS record header claiming 16 KiB and then one byte every 50 ms is never
   * idle for the 500 ms of each wait: only a bound on the whole handshake stops it.
   */
  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"SEQUENTIAL", "THREADS", "ASYNC", "PROCESSES"})
  void aTricklingTlsServerFailsAfterTheConnectTimeout(Mode mode) throws IOException {
    Modes.assumeAvailable(mode);
    server = RawServer.trickling(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00, 0x02}, 50);
    Path list = ListFiles.write(dir, List.of("https://127.0.0.1:" + server.port() + "/"));

    Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run(
        "-m", mode.name().toLowerCase(Locale.ROOT), "-f", "jsonl", "--retries", "0",
        "--connect-timeout", "500ms", "--timeout", "0", list.toString()));

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.toString());
    JsonNode only = JsonLines.results(result).get(0);
    assertEquals("timeout", only.get("error_kind").asText(), result.toString());
    assertTrue(only.get("error").asText().contains("TLS handshake"), result.toString());
    assertEquals(1, server.connections(), "no second attempt: " + result);
  }

  /**
   * After the handshake the connection waits as long as {@code --timeout} allows again: here the
   * headers come 2.5 s after a handshake bounded at 1.5 s (generous: a loaded machine's first
   * handshake is slow), with no read timeout, over HTTP/1.1 (where OkHttp sets the read timeout
   * again) and HTTP/2 (where it does not, and only the deadline's lifting lets the connection
   * live); on a first connection and on a second one to the same server.
   */
  @ParameterizedTest
  @EnumSource(value = Protocol.class, names = {"HTTP_1_1", "HTTP_2"})
  void theBoundEndsWithTheHandshake(Protocol protocol) throws IOException {
    HeldCertificate localhost = new HeldCertificate.Builder().commonName("localhost")
        .addSubjectAlternativeName("localhost").build();
    HandshakeCertificates serverSide = new HandshakeCertificates.Builder()
        .heldCertificate(localhost).build();
    HandshakeCertificates clientSide = new HandshakeCertificates.Builder()
        .addTrustedCertificate(localhost.certificate()).build();
    try (MockWebServer tls = new MockWebServer()) {
      tls.useHttps(serverSide.sslSocketFactory());
      List<Protocol> protocols = protocol == Protocol.HTTP_1_1 ? List.of(protocol)
          : List.of(protocol, Protocol.HTTP_1_1);
      tls.setProtocols(protocols);
      for (int i = 0; i < 2; i++) {
        tls.enqueue(new MockResponse.Builder().headersDelay(2500, TimeUnit.MILLISECONDS)
            .body("late").build());
      }
      tls.start(InetAddress.getLoopbackAddress(), 0);
      OkHttpClient client = new OkHttpClient.Builder()
          .connectTimeout(Duration.ofMillis(1500))
          .readTimeout(Duration.ZERO)
          .protocols(protocols)
          .socketFactory(HandshakeDeadlineSocket.factory())
          .sslSocketFactory(new HandshakeTimeoutSocketFactory(clientSide.sslSocketFactory(), 1500),
              clientSide.trustManager())
          .hostnameVerifier((host, session) -> true)
          .build();

      String url = "https://127.0.0.1:" + tls.getPort() + "/";
      // A second connection to the same server (the JDK may resume the first one's TLS session,
      // a shorter handshake) must lift its deadline too.
      for (int connection = 0; connection < 2; connection++) {
        client.connectionPool().evictAll();
        try (Response response = client.newCall(new Request.Builder().url(url).build())
            .execute()) {
          assertEquals(200, response.code());
          assertEquals(protocol, response.protocol());
          assertEquals("late", response.body().string());
        }
      }
      assertEquals(2, tls.getRequestCount());
    }
  }

  @Test
  void theBoundIsTheShorterTimeoutAndNoneWithoutAConnectTimeout() {
    assertEquals(2000, HandshakeTimeoutSocketFactory.handshakeMillis(Duration.ofSeconds(2),
        Duration.ZERO));
    assertEquals(1000, HandshakeTimeoutSocketFactory.handshakeMillis(Duration.ofSeconds(2),
        Duration.ofSeconds(1)));
    assertEquals(0, HandshakeTimeoutSocketFactory.handshakeMillis(Duration.ZERO,
        Duration.ofSeconds(1)));
    assertEquals(Integer.MAX_VALUE, HandshakeTimeoutSocketFactory.handshakeMillis(
        Duration.ofDays(365), Duration.ZERO));
  }
}
