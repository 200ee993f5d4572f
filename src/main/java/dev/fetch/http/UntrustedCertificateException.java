package dev.fetch.http;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Date;

/**
 * A server certificate chain that trust refused, with the reason in plain words: "certificate
 * has expired", "certificate is not yet valid", "certificate is self-signed", "unknown
 * certificate authority", or "certificate not accepted" with the JDK's own words. The JDK says
 * "PKIX path building failed: unable to find valid certification path to requested target" for
 * most of these; the chain itself tells them apart. Thrown by {@link ExplainingTrustManager};
 * the TLS stack wraps it in the handshake's {@code SSLHandshakeException}, where
 * {@link FailureClassifier} finds it.
 */
final class UntrustedCertificateException extends CertificateException {
  private static final long serialVersionUID = 1L;

  UntrustedCertificateException(String reason, CertificateException cause) {
    super(reason, cause);
  }

  /**
   * Why {@code chain} (the server's, leaf first) was refused with {@code failure}, judged at
   * {@code now}: a certificate out of its validity first, then a self-signed leaf, then an
   * issuer not trusted.
   */
  static UntrustedCertificateException explain(X509Certificate[] chain,
      CertificateException failure, Date now) {
    return new UntrustedCertificateException(reason(chain, failure, now), failure);
  }

  private static String reason(X509Certificate[] chain, CertificateException failure,
      Date now) {
    if (chain == null || chain.length == 0) {
      return "the server sent no certificate";
    }
    for (X509Certificate certificate : chain) {
      try {
        certificate.checkValidity(now);
      } catch (CertificateExpiredException e) {
        return "certificate has expired (" + subject(certificate) + ", not valid after "
            + certificate.getNotAfter().toInstant() + ")";
      } catch (CertificateNotYetValidException e) {
        return "certificate is not yet valid (" + subject(certificate) + ", not valid before "
            + certificate.getNotBefore().toInstant() + ")";
      }
    }
    X509Certificate leaf = chain[0];
    if (isSelfSigned(leaf)) {
      return "certificate is self-signed (" + subject(leaf) + ")";
    }
    if (causedBy(failure, CertPathBuilderException.class)) {
      X509Certificate top = chain[chain.length - 1];
      return "unknown certificate authority (issuer "
          + top.getIssuerX500Principal().getName() + ")";
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return "certificate not accepted: " + root.getMessage();
  }

  private static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }

  /** Issued by itself and signed with its own key. */
  static boolean isSelfSigned(X509Certificate certificate) {
    if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return false;
    }
    try {
      certificate.verify(certificate.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
