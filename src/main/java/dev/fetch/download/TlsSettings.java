package dev.fetch.download;

/**
 * Whom fetch trusts over TLS ({@code --cacert}, {@code --ca-native}, {@code -k}). The command
 * line reads and checks the CA file before the first request and keeps its text here, so worker
 * processes trust exactly what the parent checked, not what the file holds by then. Immutable.
 *
 * @param caCertificates the PEM text of the CA certificates from {@code --cacert}, or null for
 *     the default trust (the JVM's, {@code -Djavax.net.ssl.trustStore} included)
 * @param caNative with {@code caCertificates}: trust the default CAs too (curl's
 *     {@code --ca-native}); without, the file's CAs replace them, as curl's {@code --cacert} does
 * @param insecure check neither the certificate nor the host name (curl's {@code -k})
 */
public record TlsSettings(String caCertificates, boolean caNative, boolean insecure) {
  private static final TlsSettings DEFAULT = new TlsSettings(null, false, false);

  /** The JVM's default trust, certificates and host names checked. */
  public static TlsSettings defaults() {
    return DEFAULT;
  }

  /** Whether this is the JVM's default trust with every check. */
  public boolean isDefault() {
    return caCertificates == null && !insecure;
  }

  /** Without the PEM text, which may be long. */
  @Override
  public String toString() {
    return "TlsSettings[ca=" + (caCertificates == null ? "default" : "PEM") + ", caNative="
        + caNative + ", insecure=" + insecure + "]";
  }
}
