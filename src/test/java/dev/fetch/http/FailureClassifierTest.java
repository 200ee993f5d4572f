package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.ErrorKind;
import dev.fetch.download.DownloadSettings;
import dev.fetch.save.StorageException;
import dev.fetch.testing.Ports;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every branch of {@link FailureClassifier}: each exception type to its kind and message, with
 * the body started or not. Where it is cheap the exception is a real one, from a real socket on
 * 127.0.0.1 or a name the test hosts file does not know.
 */
class FailureClassifierTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final List<OkHttpClient> clients = new ArrayList<>();

  @AfterEach
  void shutDown() {
    clients.forEach(client -> HttpClients.shutdown(client, false));
  }

  /** The production client, with the given connect and call timeouts. */
  private OkHttpClient client(Duration timeout) {
    OkHttpClient client = HttpClients.create(DownloadSettings.builder()
        .connectTimeout(timeout).timeout(timeout).userAgent("fetch-test").build());
    clients.add(client);
    return client;
  }

  /** What {@code GET url} threw, with timeouts long enough for a TLS handshake on a busy host. */
  private IOException failureOf(String url) {
    return failureOf(client(Duration.ofSeconds(10)), url);
  }

  private static IOException failureOf(OkHttpClient client, String url) {
    return assertThrows(IOException.class,
        () -> client.newCall(new Request.Builder().url(url).build()).execute().close());
  }

  private static void assertClassified(ErrorKind kind, String message, IOException e,
      boolean duringBody) {
    ErrorKind actual = FailureClassifier.kind(e, duringBody);
    assertEquals(kind, actual, e.toString());
    assertEquals(message, FailureClassifier.message(e, actual));
  }

  @Test
  void aStorageFailureIsStorageAndSaysOnlyItsMessageEvenDuringTheBody() {
    IOException e = new StorageException("cannot write out/page: No space left on device",
        new IOException("No space left on device"));
    assertClassified(ErrorKind.STORAGE, "cannot write out/page: No space left on device", e,
        false);
    assertClassified(ErrorKind.STORAGE, "cannot write out/page: No space left on device", e,
        true);
  }

  @Test
  void aBodyOverMaxSizeIsTooLargeEvenDuringTheBody() {
    IOException e = new TooLargeException(1000);
    assertClassified(ErrorKind.TOO_LARGE, "body larger than --max-size (1000 bytes)", e, false);
    assertClassified(ErrorKind.TOO_LARGE, "body larger than --max-size (1000 bytes)", e, true);
  }

  @Test
  void aReadTimeoutFromAServerThatNeverAnswersIsATimeout() {
    server.enqueue(new MockResponse.Builder()
        .onResponseStart(SocketEffect.Stall.INSTANCE).build());
    IOException e = failureOf(client(Duration.ofMillis(200)), server.url("/silent").toString());

    assertInstanceOf(InterruptedIOException.class, e);
    assertClassified(ErrorKind.TIMEOUT, "timed out: " + e.getMessage(), e, false);
    assertClassified(ErrorKind.TIMEOUT, "timed out: " + e.getMessage(), e, true);
  }

  @Test
  void anInterruptedIoFailureOnAnInterruptedThreadIsNotATimeout() {
    IOException e = new InterruptedIOException("interrupted");
    Thread.currentThread().interrupt();
    try {
      assertClassified(ErrorKind.IO, "I/O error: interrupted", e, false);
      assertClassified(ErrorKind.TRUNCATED, "body cut short: interrupted", e, true);
    } finally {
      Thread.interrupted(); // leave the thread as it was
    }
  }

  @Test
  void aSocketTimeoutIsATimeout() {
    IOException e = new SocketTimeoutException("Read timed out");
    assertClassified(ErrorKind.TIMEOUT, "timed out: Read timed out", e, false);
  }

  @Test
  void anyOtherFailureDuringTheBodyIsTruncated() {
    assertClassified(ErrorKind.TRUNCATED, "body cut short: unexpected end of stream",
        new java.io.EOFException("unexpected end of stream"), true);
    assertClassified(ErrorKind.TRUNCATED, "body cut short: nope.invalid",
        new UnknownHostException("nope.invalid"), true);
    assertClassified(ErrorKind.TRUNCATED, "body cut short: Connection refused",
        new ConnectException("Connection refused"), true);
  }

  @Test
  void anUnknownHostIsDns() {
    // The test JVM resolves names from src/test/resources/hosts, which knows only localhost.
    IOException e = failureOf("http://nonexistent.invalid/x");

    assertInstanceOf(UnknownHostException.class, e);
    // The JDK's own text differs between its resolvers (the hosts file's names the file).
    assertClassified(ErrorKind.DNS, "unknown host " + e.getMessage(), e, false);
    assertTrue(e.getMessage().contains("nonexistent.invalid"), e.getMessage());
  }

  @Test
  void aRefusedConnectionIsConnect() {
    int port = Ports.refused();
    IOException e = failureOf("http://127.0.0.1:" + port + "/");

    assertInstanceOf(ConnectException.class, e);
    assertClassified(ErrorKind.CONNECT, "cannot connect: Failed to connect to /127.0.0.1:" + port,
        e, false);
  }

  @Test
  void noRouteToHostIsConnect() {
    assertClassified(ErrorKind.CONNECT, "cannot connect: No route to host",
        new NoRouteToHostException("No route to host"), false);
  }

  @Test
  void aTlsFailureIsTlsAndSaysTls() {
    // Real ones (self-signed, expired, wrong host, unknown CA) are cli/TlsOptionsTest's: a
    // first TLS handshake in a JVM takes about a second, too slow for a unit test.
    assertClassified(ErrorKind.TLS, "TLS: PKIX path building failed",
        new SSLHandshakeException("PKIX path building failed"), false);
  }

  @Test
  void aRefusedCertificateIsToldInPlainWords() {
    SSLHandshakeException e = new SSLHandshakeException("PKIX path building failed");
    e.initCause(new UntrustedCertificateException("certificate is self-signed (CN=x)",
        new CertificateException("PKIX path building failed")));
    assertClassified(ErrorKind.TLS, "TLS: certificate is self-signed (CN=x)", e, false);
  }

  @Test
  void aHostNameOkHttpRefusedIsToldWithTheCertificatesNames() {
    IOException e = new SSLPeerUnverifiedException("Hostname 127.0.0.1 not verified:\n"
        + "    certificate: sha256/AAAA=\n    DN: CN=other.test\n"
        + "    subjectAltNames: [other.test, www.other.test]");
    assertClassified(ErrorKind.TLS, "TLS: host name does not match (127.0.0.1 is not in the "
        + "certificate's names: other.test, www.other.test)", e, false);
  }

  @Test
  void aHandshakeTheNetworkCutShortIsConnectAndRetried() {
    SSLHandshakeException e = new SSLHandshakeException("Remote host terminated the handshake");
    e.initCause(new java.io.EOFException("SSL peer shut down incorrectly"));
    assertClassified(ErrorKind.CONNECT, "cannot connect: TLS: Remote host terminated the "
        + "handshake", e, false);
  }

  @Test
  void aTlsFailureAsTheCauseIsTlsAndIsTheOneTold() {
    IOException e = new IOException("wrapped", new SSLException("bad record MAC"));
    assertClassified(ErrorKind.TLS, "TLS: bad record MAC", e, false);
  }

  @Test
  void aTlsFailureSuppressedWithAnotherIsTlsAndIsTheOneTold() {
    // OkHttp tried two addresses: the last failure is thrown, the earlier ones suppressed.
    IOException e = new ConnectException("Connection refused");
    e.addSuppressed(new SSLHandshakeException("PKIX path building failed"));
    assertClassified(ErrorKind.TLS, "TLS: PKIX path building failed", e, false);

    IOException deeper = new IOException("outer", new IOException("inner"));
    deeper.getCause().addSuppressed(new SSLException("handshake alert"));
    assertClassified(ErrorKind.TLS, "TLS: handshake alert", deeper, false);
  }

  @Test
  void okHttpRefusingHttpsWithPriorKnowledgeIsAnHttpFailureNotAnIoErrorRetried() {
    assertClassified(ErrorKind.HTTP, "redirect to https:// not followed: with --http2, http:// "
        + "URLs use HTTP/2 with prior knowledge (h2c), which cannot go on over TLS",
        new java.net.UnknownServiceException("H2_PRIOR_KNOWLEDGE cannot be used with HTTPS"),
        false);
  }

  @Test
  void aProxyRefusingTheTunnelIsHttpWithItsStatusInWords() {
    assertClassified(ErrorKind.HTTP, "proxy authentication failed: 407 to CONNECT (check the "
        + "proxy's user:password)", new IOException("Failed to authenticate with proxy"), false);
    assertClassified(ErrorKind.HTTP, "proxy refused CONNECT: HTTP 403",
        new IOException("Unexpected response code for CONNECT: 403"), false);
  }

  @Test
  void tooManyRedirectsIsHttpAndSaysOnlyItsMessage() {
    assertClassified(ErrorKind.HTTP, "Too many follow-up requests: 21",
        new ProtocolException("Too many follow-up requests: 21"), false);
  }

  @Test
  void anyOtherProtocolFailureIsProtocolAndNeverRetriedAsTruncated() {
    assertClassified(ErrorKind.PROTOCOL, "protocol error: Unexpected status line: HTTP/1.1 abc",
        new ProtocolException("Unexpected status line: HTTP/1.1 abc"), false);
    assertClassified(ErrorKind.PROTOCOL, "protocol error: ProtocolException",
        new ProtocolException(), false);
    assertClassified(ErrorKind.PROTOCOL,
        "protocol error: Expected leading [0-9a-fA-F] character but was 0x7a",
        new ProtocolException("Expected leading [0-9a-fA-F] character but was 0x7a"), true);
  }

  @Test
  void theEndOfTheStreamDuringTheBodyIsStillTruncated() {
    assertClassified(ErrorKind.TRUNCATED, "body cut short: unexpected end of stream",
        new ProtocolException("unexpected end of stream"), true);
  }

  @Test
  void controlCharactersInAMessageAreEscapedAndALongOneIsCut() {
    assertClassified(ErrorKind.PROTOCOL,
        "protocol error: Unexpected status line: \\u001b[2J\\u0000",
        new ProtocolException("Unexpected status line: \u001b[2J\u0000"), false);
    String message = FailureClassifier.message(new IOException("x".repeat(5000)), ErrorKind.IO);
    assertEquals("I/O error: " + "x".repeat(600) + "...", message);
  }

  @Test
  void anyOtherFailureIsIoAndAMissingMessageIsTheClassName() {
    assertClassified(ErrorKind.IO, "I/O error: Connection reset",
        new java.net.SocketException("Connection reset"), false);
    assertClassified(ErrorKind.IO, "I/O error: IOException", new IOException(), false);
  }
}
