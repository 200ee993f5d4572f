package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.server.SiteServer;
import dev.fetch.testing.Cli;
import dev.fetch.testing.FixedDispatcher;
import dev.fetch.testing.Gzip;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows of the reliability table (docs/reliability.md) that no other test covers: each fault, what
 * fetch does about it, and the exit code.
 */
class FaultsTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  private Path list(String... lines) {
    return ListFiles.onServer(dir, server, lines);
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  private void answer(MockResponse response) {
    server.setDispatcher(new FixedDispatcher(response));
  }

  @Test
  void anEmptyFileIsAUsageError() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    Cli.Result result = Cli.run(empty.toString());

    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().startsWith("fetch: " + empty + ": no URLs"), result.err());
  }

  @Test
  void duplicateUrlsAreEachDownloadedAndReported() throws IOException {
    Path out = dir.resolve("out");
    Cli.Result result = Cli.run("-f", "jsonl", "-o", out.toString(),
        list(url("/bytes/7"), url("/bytes/7")).toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(2, JsonLines.results(result).size());
    assertEquals(2, server.getRequestCount());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("7", "7-1"), files.map(p -> p.getFileName().toString()).sorted()
          .collect(Collectors.toList()));
    }
  }

  @Test
  void anUnknownHostIsADnsFailureAndNotRetried() throws IOException {
    // Test JVMs resolve names from src/test/resources/hosts only: no query leaves the machine.
    Cli.Result result = Cli.run("-f", "jsonl", "--order", "input",
        list("http://nonexistent.invalid/x", "http://bücher.invalid/").toString());

    List<JsonNode> nodes = JsonLines.results(result);
    assertEquals("dns", nodes.get(0).get("error_kind").asText(), nodes.get(0).toString());
    assertEquals(1, nodes.get(0).get("attempts").asInt());
    assertEquals("http://xn--bcher-kva.invalid/", nodes.get(1).get("url").asText(),
        "an IDN host is sent, and shown, as punycode");
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void anIpv6LiteralWorks() throws IOException {
    SiteServer six;
    try {
      six = SiteServer.start("::1", 0);
    } catch (IOException e) {
      assumeTrue(false, "no IPv6 loopback here: " + e.getMessage());
      return;
    }
    try (six) {
      Cli.Result result = Cli.run("-f", "jsonl", list("http://[::1]:" + six.port()
          + "/bytes/10").toString());
      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertEquals(10, JsonLines.results(result).get(0).get("bytes").asInt());
    }
  }

  @Test
  void aResetBeforeTheHeadersIsAnIoFailureAndRetried() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread resetting = new Thread(() -> {
        for (int i = 0; i < 2; i++) {
          try (Socket client = raw.accept()) {
            client.getInputStream().read(new byte[8192]);
            client.setSoLinger(true, 0); // close with a TCP reset, before any header
          } catch (IOException ignored) {
            // Next.
          }
        }
      });
      resetting.start();
      Cli.Result result = Cli.run("-f", "jsonl", "--retries", "1", list("http://127.0.0.1:"
          + raw.getLocalPort() + "/reset").toString());
      resetting.join();

      JsonNode node = JsonLines.results(result).get(0);
      assertEquals("io", node.get("error_kind").asText(), node.toString());
      assertTrue(node.get("status").isNull());
      assertEquals(2, node.get("attempts").asInt(), "retried once");
      assertEquals(ExitCodes.FAILURES, result.exitCode());
    }
  }

  @Test
  void aRedirectLoopStopsAfterTwentyHops() throws IOException {
    answer(new MockResponse.Builder().code(302).addHeader("Location", "/loop").build());
    Cli.Result result = Cli.run("-f", "jsonl", list(url("/loop")).toString());

    JsonNode node = JsonLines.results(result).get(0);
    assertEquals("http", node.get("error_kind").asText(), node.toString());
    assertEquals("HTTP 302 Redirection: too many redirects (20) (to " + url("/loop") + ")",
        node.get("error").asText());
    assertEquals(302, node.get("status").asInt());
    assertEquals(21, server.getRequestCount(), "the first request and 20 follow-ups");
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void hugeHeadersFailThatUrlOnly() throws IOException {
    answer(new MockResponse.Builder().addHeader("X-Huge", "h".repeat(1024 * 1024)).body("ok")
        .build());
    Cli.Result result = Cli.run("-f", "jsonl", "--retries", "0", list(url("/huge")).toString());

    JsonNode node = JsonLines.results(result).get(0);
    assertEquals("io", node.get("error_kind").asText(), "no crash, a failure: " + node);
    assertTrue(node.get("status").isNull(), node.toString());
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void aGzipBombIsStoppedAtMaxSize() throws IOException {
    Buffer zeros = new Buffer();
    byte[] mib = new byte[1024 * 1024];
    for (int i = 0; i < 64; i++) {
      zeros.write(mib);
    }
    Buffer gzipped = Gzip.compress(zeros);
    assertTrue(gzipped.size() < 100_000, "64 MiB of zeros sent as " + gzipped.size() + " bytes");
    answer(new MockResponse.Builder().addHeader("Content-Encoding", "gzip").body(gzipped)
        .build());
    Cli.Result result = Cli.run("-f", "jsonl", "--max-size", "1M", list(url("/bomb"))
        .toString());

    JsonNode node = JsonLines.results(result).get(0);
    assertEquals("too_large", node.get("error_kind").asText(), node.toString());
    assertEquals("body larger than --max-size (1048576 bytes)", node.get("error").asText());
    assertTrue(node.get("bytes").asLong() <= 1024 * 1024 + 64 * 1024, node.toString());
    assertEquals(1, node.get("attempts").asInt(), "not retried");
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void aDeclaredLengthOverMaxSizeFailsBeforeTheBody() throws IOException {
    Cli.Result result = Cli.run("-f", "jsonl", "--max-size", "1000", list(url("/bytes/5000"),
        url("/bytes/1000")).toString());

    List<JsonNode> nodes = JsonLines.results(result);
    JsonNode big = nodes.stream().filter(n -> n.get("url").asText().endsWith("/5000"))
        .findFirst().get();
    assertEquals("too_large", big.get("error_kind").asText());
    assertEquals(0, big.get("bytes").asInt(), "not read at all");
    JsonNode fits = nodes.stream().filter(n -> n.get("url").asText().endsWith("/1000"))
        .findFirst().get();
    assertTrue(fits.get("error").isNull(), "exactly the limit is allowed");
  }

  @Test
  void aContentLengthShorterThanWhatIsSentReadsExactlyTheDeclaredBytes() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> {
        try (Socket client = raw.accept()) {
          InputStream in = client.getInputStream();
          in.read(new byte[8192]);
          OutputStream out = client.getOutputStream();
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello, and more"
              .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        } catch (IOException ignored) {
          // The client went away.
        }
      });
      serving.start();
      Cli.Result result = Cli.run("-f", "jsonl", list("http://127.0.0.1:" + raw.getLocalPort()
          + "/short").toString());
      serving.join();

      JsonNode node = JsonLines.results(result).get(0);
      assertEquals(5, node.get("bytes").asInt(), "the framing says 5: the rest is not the body");
      assertEquals(ExitCodes.OK, result.exitCode());
    }
  }

  @Test
  void anUntrustedCertificateIsAClearTlsFailureNotRetried() throws IOException {
    HeldCertificate selfSigned = new HeldCertificate.Builder().commonName("localhost")
        .addSubjectAlternativeName("localhost").build();
    HandshakeCertificates serverSide = new HandshakeCertificates.Builder()
        .heldCertificate(selfSigned).build();
    server.useHttps(serverSide.sslSocketFactory());
    Cli.Result result = Cli.run("-f", "jsonl", "--retries", "2",
        list(server.url("/tls").toString()).toString());

    JsonNode node = JsonLines.results(result).get(0);
    assertTrue(node.get("url").asText().startsWith("https://"), node.toString());
    assertEquals("tls", node.get("error_kind").asText(), node.toString());
    assertEquals("TLS: certificate is self-signed (CN=localhost)", node.get("error").asText());
    assertEquals(1, node.get("attempts").asInt(), "not retried: " + node);
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void aFullDiskFailsThatUrlAndLeavesNoFile() throws Exception {
    Path mount = Files.createDirectories(dir.resolve("small-disk"));
    Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs",
        mount.toString()).redirectErrorStream(true).start();
    assumeTrue(mounting.waitFor() == 0, "cannot mount a small tmpfs here (needs root): "
        + new String(mounting.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    try {
      // One at a time: the big body's temporary file is gone before the small one is written.
      Cli.Result result = Cli.run("-m", "sequential", "-f", "jsonl", "-o", mount.toString(),
          "--order", "input",
          list(url("/bytes/2000000"), url("/bytes/1000")).toString());

      List<JsonNode> nodes = JsonLines.results(result);
      assertEquals("io", nodes.get(0).get("error_kind").asText(), nodes.get(0).toString());
      assertTrue(nodes.get(0).get("error").asText().contains("No space left on device"),
          nodes.get(0).toString());
      assertEquals(1, nodes.get(0).get("attempts").asInt(), "a full disk is not retried");
      assertTrue(nodes.get(1).get("error").isNull(), "the next URL still fits");
      try (Stream<Path> files = Files.list(mount)) {
        assertEquals(List.of("1000"), files.map(p -> p.getFileName().toString())
            .collect(Collectors.toList()), "no partial or temporary file");
      }
      assertEquals(ExitCodes.FAILURES, result.exitCode());
    } finally {
      new ProcessBuilder("umount", mount.toString()).start().waitFor();
    }
  }

  @Test
  void credentialsNeverReachATraceOrACompareExport() throws IOException {
    String secret = url("/bytes/3").replace("http://", "http://alice:s3cret@");
    Path list = list(secret);
    Path trace = dir.resolve("trace.json");
    Cli.Result run = Cli.run("--trace", trace.toString(), list.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    Path json = dir.resolve("compare.json");
    Path html = dir.resolve("compare.html");
    Path md = dir.resolve("compare.md");
    Cli.Result compare = Cli.run("compare", list.toString(), "--modes", "threads", "--runs",
        "1", "--warmup", "0", "--seed", "1", "-q", "--export-json", json.toString(),
        "--report", html.toString(), "--export-markdown", md.toString(), "--trace",
        trace.toString() + ".2");
    assertEquals(ExitCodes.OK, compare.exitCode(), compare.toString());

    for (Path file : List.of(trace, json, html, md, Path.of(trace + ".2"))) {
      String text = Files.readString(file);
      assertFalse(text.contains("s3cret") || text.contains("alice"), file + " leaks: " + text);
    }
    assertFalse((run.out() + run.err() + compare.out() + compare.err()).contains("s3cret"));
  }
}
