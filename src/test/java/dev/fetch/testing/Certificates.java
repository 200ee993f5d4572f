package dev.fetch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Certificates for TLS tests, made with okhttp-tls: a private certificate authority, server
 * certificates it issues (valid, expired, for another host), a self-signed one, and servers
 * that present them. Server certificates name {@code localhost} and {@code 127.0.0.1}.
 */
public final class Certificates {
  private Certificates() {}

  /** A new certificate authority, {@code CN=fetch test CA}. */
  public static HeldCertificate authority() {
    return new HeldCertificate.Builder().commonName("fetch test CA").certificateAuthority(0)
        .build();
  }

  /** A certificate for localhost and 127.0.0.1 issued by {@code authority}. */
  public static HeldCertificate issued(HeldCertificate authority) {
    return new HeldCertificate.Builder().commonName("localhost")
        .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1")
        .signedBy(authority).build();
  }

  /** A certificate for {@code host} only, issued by {@code authority}. */
  public static HeldCertificate issuedFor(HeldCertificate authority, String host) {
    return new HeldCertificate.Builder().commonName(host).addSubjectAlternativeName(host)
        .signedBy(authority).build();
  }

  /** A certificate for localhost and 127.0.0.1 that expired on {@code notAfter}. */
  public static HeldCertificate expired(HeldCertificate authority, Instant notAfter) {
    return new HeldCertificate.Builder().commonName("localhost")
        .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1")
        .validityInterval(notAfter.minusSeconds(86_400).toEpochMilli(), notAfter.toEpochMilli())
        .signedBy(authority).build();
  }

  /** A self-signed certificate for localhost and 127.0.0.1. */
  public static HeldCertificate selfSigned() {
    return new HeldCertificate.Builder().commonName("localhost")
        .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();
  }

  /** Makes {@code server} (not started yet) present {@code certificate} over TLS. */
  public static void serve(MockWebServer server, HeldCertificate certificate,
      HeldCertificate... intermediates) {
    X509Certificate[] chain = Arrays.stream(intermediates).map(HeldCertificate::certificate)
        .toArray(X509Certificate[]::new);
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate, chain)
        .build().sslSocketFactory());
  }

  /** A new PEM file in {@code dir} holding {@code certificates}. */
  public static Path pem(Path dir, HeldCertificate... certificates) {
    StringBuilder pem = new StringBuilder();
    for (HeldCertificate certificate : certificates) {
      pem.append(certificate.certificatePem());
    }
    try {
      Path file = Files.createTempFile(dir, "ca-", ".pem");
      Files.writeString(file, pem);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
