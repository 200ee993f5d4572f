package dev.fetch.http;

import dev.fetch.download.TlsSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whom a run trusts over TLS, built from {@link TlsSettings}: the JVM's default CAs (which
 * follow {@code -Djavax.net.ssl.trustStore}), or the CAs of a PEM bundle ({@code --cacert}),
 * alone or with the defaults ({@code --ca-native}), or no one and everyone
 * ({@code -k/--insecure}). Refusals are explained ({@link ExplainingTrustManager}).
 *
 * <p>Built once per settings and JVM trust-store properties, and shared: parsing a bundle and
 * the JDK's CA store is not repeated for each run of a comparison, and clients with equal
 * settings have equal socket factories, so OkHttp's pool reuses their connections. Thread-safe.
 */
public final class TlsTrust {
  private static final Map<Object, TlsTrust> BUILT = new ConcurrentHashMap<>();
  /** Every host name is accepted ({@code -k}); one instance, so clients stay equal. */
  private static final HostnameVerifier ANY_HOST = (host, session) -> true;

  private final X509TrustManager trustManager;
  private final SSLSocketFactory socketFactory;
  private final HostnameVerifier hostnameVerifier;

  private TlsTrust(X509TrustManager trustManager, HostnameVerifier hostnameVerifier) {
    this.trustManager = trustManager;
    this.socketFactory = HandshakeTimeoutSocketFactory.platformFactory(trustManager);
    this.hostnameVerifier = hostnameVerifier;
  }

  /** The trust for {@code tls} in this JVM now. */
  static TlsTrust of(TlsSettings tls) {
    return of(tls, key(tls));
  }

  /** The trust for {@code tls} and the trust-store properties in {@code key}. */
  static TlsTrust of(TlsSettings tls, Object key) {
    return BUILT.computeIfAbsent(key, k -> build(tls));
  }

  /** What a trust depends on: {@code tls} and this JVM's trust-store properties now. */
  static Object key(TlsSettings tls) {
    Map<String, String> trustStore = new TreeMap<>();
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("javax.net.ssl.trustStore"))
        .forEach(name -> trustStore.put(name, System.getProperty(name)));
    return List.of(tls, trustStore);
  }

  /** The host name check for {@code tls} instead of OkHttp's own, or null to keep OkHttp's. */
  static HostnameVerifier hostnameVerifier(TlsSettings tls) {
    return tls.insecure() ? ANY_HOST : null;
  }

  private static TlsTrust build(TlsSettings tls) {
    if (tls.insecure()) {
      return new TlsTrust(InsecureTrustManager.INSTANCE, hostnameVerifier(tls));
    }
    X509TrustManager platform = HandshakeTimeoutSocketFactory.platformTrustManager();
    X509TrustManager base = platform;
    if (tls.caCertificates() != null) {
      List<X509Certificate> trusted = new ArrayList<>(certificates(tls.caCertificates()));
      if (tls.caNative()) {
        trusted.addAll(List.of(platform.getAcceptedIssuers()));
      }
      base = trusting(trusted);
    }
    return new TlsTrust(new ExplainingTrustManager(base), null);
  }

  X509TrustManager trustManager() {
    return trustManager;
  }

  SSLSocketFactory socketFactory() {
    return socketFactory;
  }

  /** The host name check to use instead of OkHttp's own, or null to keep OkHttp's. */
  HostnameVerifier hostnameVerifier() {
    return hostnameVerifier;
  }

  /**
   * The certificates of a PEM bundle: each {@code -----BEGIN CERTIFICATE-----} block, text
   * between blocks ignored (as in the CA bundles of Linux distributions).
   *
   * @throws IllegalArgumentException if there is none, or a block is not a certificate
   */
  public static List<X509Certificate> certificates(String pem) {
    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException("no certificate in it (expected PEM: "
          + "-----BEGIN CERTIFICATE----- blocks)");
    }
    Collection<? extends Certificate> parsed;
    try {
      parsed = CertificateFactory.getInstance("X.509").generateCertificates(
          new ByteArrayInputStream(pem.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (CertificateException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IllegalArgumentException("not a PEM certificate bundle (" + reason + ")", e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate certificate : parsed) {
      certificates.add((X509Certificate) certificate);
    }
    return certificates;
  }

  private static X509TrustManager trusting(List<X509Certificate> certificates) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("ca-" + i, certificates.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager) {
          return (X509TrustManager) manager;
        }
      }
      throw new IllegalStateException("no X509TrustManager for the CA certificates");
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot trust the CA certificates: " + e.getMessage(), e);
    }
  }
}
