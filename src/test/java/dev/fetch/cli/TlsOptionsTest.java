package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.Certificates;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --cacert}, {@code -k} and the {@code tls} error kind against real TLS servers
 * (MockWebServer with okhttp-tls certificates): each refusal in plain words, never retried,
 * and every bad {@code --cacert} a usage error before any request.
 */
class TlsOptionsTest {
  private static final Instant EXPIRY = Instant.parse("2020-01-02T00:00:00Z");

  @TempDir Path dir;
  private final List<MockWebServer> servers = new ArrayList<>();
  private final HeldCertificate authority = Certificates.authority();

  @AfterEach
  void stop() {
    servers.forEach(MockWebServer::close);
  }

  /** A started https server on 127.0.0.1 presenting {@code certificate}. */
  private MockWebServer serving(HeldCertificate certificate) throws IOException {
    MockWebServer server = new MockWebServer();
    servers.add(server);
    server.setDispatcher(new TestSite());
    Certificates.serve(server, certificate);
    server.start();
    return server;
  }

  private Path list(MockWebServer server) {
    return ListFiles.write(dir, List.of("https://127.0.0.1:" + server.getPort() + "/bytes/5"));
  }

  private JsonNode only(Cli.Result result) {
    List<JsonNode> results = JsonLines.results(result);
    assertEquals(1, results.size(), result::toString);
    return results.get(0);
  }

  /** Runs with two retries allowed: a tls failure must still make one attempt only. */
  private JsonNode failure(MockWebServer server, String... options) {
    List<String> args = new ArrayList<>(List.of("-f", "jsonl", "--retries", "2"));
    args.addAll(List.of(options));
    args.add(list(server).toString());
    Cli.Result result = Cli.run(args.toArray(new String[0]));
    assertEquals(ExitCodes.FAILURES, result.exitCode(), result::toString);
    JsonNode node = only(result);
    assertEquals("tls", node.get("error_kind").asText(), node::toString);
    assertEquals(1, node.get("attempts").asInt(), "a tls failure is not retried: " + node);
    assertEquals(0, server.getRequestCount(), "no request got through");
    return node;
  }

  @Test
  void aSelfSignedCertificateIsSaidToBeOne() throws IOException {
    JsonNode node = failure(serving(Certificates.selfSigned()));

    assertEquals("TLS: certificate is self-signed (CN=localhost)", node.get("error").asText());
  }

  @Test
  void aCertificateFromAnAuthorityNotTrustedNamesTheIssuer() throws IOException {
    JsonNode node = failure(serving(Certificates.issued(authority)));

    assertEquals("TLS: unknown certificate authority (issuer CN=fetch test CA)",
        node.get("error").asText());
  }

  @Test
  void anExpiredCertificateSaysWhen() throws IOException {
    Path ca = Certificates.pem(dir, authority);
    JsonNode node = failure(serving(Certificates.expired(authority, EXPIRY)),
        "--cacert", ca.toString());

    assertEquals("TLS: certificate has expired (CN=localhost, not valid after "
        + "2020-01-02T00:00:00Z)", node.get("error").asText());
  }

  @Test
  void aCertificateForAnotherHostNamesBoth() throws IOException {
    Path ca = Certificates.pem(dir, authority);
    JsonNode node = failure(serving(Certificates.issuedFor(authority, "other.test")),
        "--cacert", ca.toString());

    assertEquals("TLS: host name does not match (127.0.0.1 is not in the certificate's names: "
        + "other.test)", node.get("error").asText());
  }

  /** A plain HTTP server answers the TLS greeting at once with a 400, as nginx and others do. */
  @Test
  void aPlainHttpServerOnAnHttpsUrlIsATlsFailure() throws IOException {
    try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answering = new Thread(() -> {
        while (!plain.isClosed()) {
          try (Socket socket = plain.accept()) {
            socket.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
          } catch (IOException closed) {
            return;
          }
        }
      }, "plain-http");
      answering.setDaemon(true);
      answering.start();
      Path list = ListFiles.write(dir, List.of("https://127.0.0.1:" + plain.getLocalPort() + "/"));
      Cli.Result result = Cli.run("-f", "jsonl", "--retries", "2", list.toString());

      JsonNode node = only(result);
      assertEquals("tls", node.get("error_kind").asText(), node::toString);
      assertEquals("TLS: Unsupported or unrecognized SSL message", node.get("error").asText());
      assertEquals(1, node.get("attempts").asInt());
    }
  }

  @Test
  void aPrivateAuthorityTrustedWithCacertWorksAndReplacesTheDefaults() throws IOException {
    MockWebServer server = serving(Certificates.issued(authority));
    Path ca = Certificates.pem(dir, authority);

    Cli.Result result = Cli.run("-f", "jsonl", "--cacert", ca.toString(),
        list(server).toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(5, only(result).get("bytes").asInt());
    // The server's certificate itself (self-signed or not) is a trust anchor too, as in curl.
    MockWebServer selfSigned = serving(Certificates.selfSigned());
    Cli.Result pinned = Cli.run("-f", "jsonl", "--cacert", Certificates.pem(dir,
        Certificates.selfSigned()).toString(), list(selfSigned).toString());
    assertEquals("tls", only(pinned).get("error_kind").asText(), "another self-signed one");
  }

  @Test
  void insecureAcceptsSelfSignedExpiredAndWrongHostCertificates() throws IOException {
    List<String> urls = new ArrayList<>();
    for (HeldCertificate certificate : List.of(Certificates.selfSigned(),
        Certificates.expired(authority, EXPIRY), Certificates.issuedFor(authority, "x.test"))) {
      urls.add("https://127.0.0.1:" + serving(certificate).getPort() + "/bytes/4");
    }

    Cli.Result result = Cli.run("-f", "jsonl", "-k", ListFiles.write(dir, urls).toString());

    assertEquals(0, result.exitCode(), result::toString);
    for (JsonNode node : JsonLines.results(result)) {
      assertEquals(4, node.get("bytes").asInt(), node::toString);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing", "directory", "empty", "text", "broken", "key"})
  void aBadCaFileIsAUsageErrorNamingItBeforeAnyRequest(String kind) throws IOException {
    MockWebServer server = serving(Certificates.issued(authority));
    Path ca = dir.resolve("ca-" + kind + ".pem");
    String pem = authority.certificatePem();
    switch (kind) {
      case "directory":
        Files.createDirectory(ca);
        break;
      case "empty":
        Files.writeString(ca, "");
        break;
      case "text":
        Files.writeString(ca, "this is not a certificate\n");
        break;
      case "broken":
        Files.writeString(ca, pem.substring(0, pem.length() / 2) + "\n-----END CERTIFICATE-----\n");
        break;
      case "key":
        Files.writeString(ca, authority.privateKeyPkcs8Pem());
        break;
      default:
        break;
    }

    Cli.Result result = Cli.run("--cacert", ca.toString(), list(server).toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("fetch: --cacert " + ca + ": "), result::toString);
    assertEquals(0, server.getRequestCount());
  }
}
