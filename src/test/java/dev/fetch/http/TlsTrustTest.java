package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadSettings;
import dev.fetch.download.TlsSettings;
import dev.fetch.testing.Certificates;
import dev.fetch.testing.TestSite;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** What {@link TlsTrust} trusts for each {@link TlsSettings}, and that it is built once. */
class TlsTrustTest {
  private static final HeldCertificate AUTHORITY = Certificates.authority();
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
    Certificates.serve(server, Certificates.issued(AUTHORITY));
  }

  @Test
  void cacertReplacesTheDefaultAuthoritiesAndCaNativeAddsThemBack() {
    String pem = AUTHORITY.certificatePem();
    X509Certificate[] platform = HandshakeTimeoutSocketFactory.platformTrustManager()
        .getAcceptedIssuers();
    assertTrue(platform.length > 10, "the JDK ships its CA store: " + platform.length);

    X509Certificate[] only = TlsTrust.of(new TlsSettings(pem, false, false)).trustManager()
        .getAcceptedIssuers();
    X509Certificate[] both = TlsTrust.of(new TlsSettings(pem, true, false)).trustManager()
        .getAcceptedIssuers();

    assertEquals(List.of(AUTHORITY.certificate()), List.of(only));
    assertEquals(platform.length + 1, both.length);
    assertTrue(Set.of(both).containsAll(Set.of(platform)));
    assertTrue(Set.of(both).contains(AUTHORITY.certificate()));
  }

  @Test
  void equalSettingsShareOneTrustAndOneSocketFactory() {
    TlsSettings tls = new TlsSettings(AUTHORITY.certificatePem(), false, false);
    assertSame(TlsTrust.of(tls), TlsTrust.of(new TlsSettings(AUTHORITY.certificatePem(), false,
        false)));
    assertNotSame(TlsTrust.of(tls), TlsTrust.of(TlsSettings.defaults()));
  }

  /**
   * Two clients built from equal settings over one pool (a comparison's runs with
   * --reuse-connections) share a TLS connection: OkHttp compares their socket factories.
   */
  @Test
  void clientsFromEqualSettingsReuseEachOthersTlsConnections() throws Exception {
    DownloadSettings settings = DownloadSettings.builder()
        .tls(new TlsSettings(AUTHORITY.certificatePem(), false, false)).build();
    ConnectionPool pool = new ConnectionPool(2, 1, TimeUnit.MINUTES);
    OkHttpClient first = HttpClients.create(settings, pool);
    OkHttpClient second = HttpClients.create(settings, pool);
    try {
      for (OkHttpClient client : List.of(first, second)) {
        try (Response response = client.newCall(new Request.Builder()
            .url("https://127.0.0.1:" + server.getPort() + "/").build()).execute()) {
          assertEquals(200, response.code());
          response.body().string();
        }
      }

      assertEquals(0, server.takeRequest().getConnectionIndex());
      assertEquals(0, server.takeRequest().getConnectionIndex(), "the same connection");
    } finally {
      HttpClients.shutdown(first, true);
      HttpClients.shutdown(second, false);
    }
  }

  @Test
  void aBundleWithoutCertificatesIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TlsTrust.certificates("# just a comment\n"));
    assertTrue(e.getMessage().startsWith("no certificate in it"), e.getMessage());
  }
}
