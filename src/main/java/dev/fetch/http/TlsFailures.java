package dev.fetch.http;

import java.io.EOFException;
import java.net.SocketException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Tells a TLS failure in plain words, and whether it is the server's TLS that is wrong (kind
 * {@code tls}, not retried) or the connection that was cut during the handshake (kind
 * {@code connect}, retried). Stateless.
 */
final class TlsFailures {
  private static final String HOSTNAME = "Hostname ";
  private static final String NOT_VERIFIED = " not verified";
  private static final String NAMES = "subjectAltNames: ";

  private TlsFailures() {}

  /** Whether {@code tls} is a handshake the network cut short (EOF, reset), not a refusal. */
  static boolean cutShort(SSLException tls) {
    for (Throwable t = tls; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EOFException || t instanceof SocketException) {
        return true;
      }
    }
    return false;
  }

  /**
   * What went wrong, e.g. {@code certificate is self-signed (CN=localhost)} or {@code host name
   * does not match (127.0.0.1 is not in the certificate's names: localhost)}; else the JDK's
   * message. Not yet escaped: the caller escapes control characters and cuts.
   */
  static String explain(SSLException tls) {
    for (Throwable t = tls; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UntrustedCertificateException) {
        return t.getMessage();
      }
    }
    String message = tls.getMessage() == null ? tls.getClass().getSimpleName()
        : tls.getMessage();
    if (tls instanceof SSLPeerUnverifiedException && message.startsWith(HOSTNAME)
        && message.indexOf(NOT_VERIFIED) > HOSTNAME.length()) {
      String host = message.substring(HOSTNAME.length(), message.indexOf(NOT_VERIFIED));
      int names = message.indexOf(NAMES);
      String listed = names < 0 ? "" : message.substring(names + NAMES.length()).trim();
      if (listed.startsWith("[") && listed.endsWith("]")) {
        listed = listed.substring(1, listed.length() - 1);
      }
      return "host name does not match (" + host + (listed.isEmpty() ? " is not in the "
          + "certificate" : " is not in the certificate's names: " + listed) + ")";
    }
    return message;
  }
}
