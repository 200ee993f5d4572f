package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.TlsSettings;
import dev.fetch.testing.Certificates;
import dev.fetch.testing.TestSite;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** {@link DeferredTls}: the TLS stack is set up by the first TLS connection, not before. */
class DeferredTlsTest {
  private static final HeldCertificate AUTHORITY = Certificates.authority();
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
    Certificates.serve(server, Certificates.issued(AUTHORITY));
  }

  @Test
  void aClientIsBuiltWithoutTheTrustWhichTheFirstHandshakeSetsUp() throws Exception {
    // Settings no other test uses, so this instance is fresh.
    TlsSettings tls = new TlsSettings(AUTHORITY.certificatePem() + "\n# deferred\n", false,
        false);
    DeferredTls deferred = DeferredTls.of(tls);
    OkHttpClient client = new OkHttpClient.Builder()
        .sslSocketFactory(deferred.socketFactory(), deferred.trustManager()).build();

    assertFalse(deferred.started(), "building a client sets up no TLS");
    assertEquals(0, deferred.trustManager().getAcceptedIssuers().length);
    try (Response response = client.newCall(new Request.Builder()
        .url(server.url("/bytes/10")).build()).execute()) {
      assertEquals(200, response.code());
    }
    assertTrue(deferred.started());
    assertSame(deferred, DeferredTls.of(tls), "one per settings, for the connection pool");
  }
}
