package dev.fetch.http;

import dev.fetch.download.ErrorKind;
import dev.fetch.save.ChecksumMismatchException;
import dev.fetch.save.StorageException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Maps an I/O failure to the {@link ErrorKind} and one-line message users see. A TLS failure is
 * {@code tls} with a plain reason ({@link TlsFailures}) unless the network cut the handshake
 * short ({@code connect}); a proxy that refuses the tunnel is {@code http}, like a 407 to a
 * plain request.
 */
final class FailureClassifier {
  private FailureClassifier() {}

  /**
   * Classifies {@code e}.
   *
   * @param duringBody true when the response headers had arrived and the body was being read
   */
  static ErrorKind kind(IOException e, boolean duringBody) {
    if (e instanceof StorageException) {
      return ErrorKind.STORAGE;
    }
    if (e instanceof TooLargeException) {
      return ErrorKind.TOO_LARGE;
    }
    if (e instanceof ChecksumMismatchException) {
      return ErrorKind.CHECKSUM;
    }
    if (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted()) {
      return ErrorKind.TIMEOUT;
    }
    if (e instanceof ProtocolException && !isEndOfStream(e)
        && !String.valueOf(e.getMessage()).startsWith("Too many")) {
      return ErrorKind.PROTOCOL;
    }
    if (duringBody) {
      return ErrorKind.TRUNCATED;
    }
    if (e instanceof UnknownHostException) {
      return ErrorKind.DNS;
    }
    SSLException tls = tlsFailureIn(e);
    if (tls != null) {
      return TlsFailures.cutShort(tls) ? ErrorKind.CONNECT : ErrorKind.TLS;
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return ErrorKind.CONNECT;
    }
    if (proxyRefusal(e) != null) {
      return ErrorKind.HTTP;
    }
    if (e instanceof ProtocolException && String.valueOf(e.getMessage()).startsWith("Too many")) {
      return ErrorKind.HTTP;
    }
    return ErrorKind.IO;
  }

  /** OkHttp's {@code ProtocolException} for a body that ended before its length or last chunk. */
  private static boolean isEndOfStream(IOException e) {
    return String.valueOf(e.getMessage()).startsWith("unexpected end of stream");
  }

  /**
   * A short message: what went wrong, in words, then the exception's own text, with control
   * characters escaped (OkHttp quotes what the server sent). When OkHttp tried
   * several addresses (IPv6 and IPv4, say) and one failed on TLS, the TLS failure is the one told:
   * it is what the user can act on.
   */
  static String message(IOException e, ErrorKind kind) {
    SSLException tls = tlsFailureIn(e);
    if (kind == ErrorKind.TLS && tls != null) {
      return "TLS: " + SafeText.of(TlsFailures.explain(tls), 2 * ProtocolViolation.MAX_LENGTH);
    }
    if (kind == ErrorKind.HTTP && proxyRefusal(e) != null) {
      return proxyRefusal(e);
    }
    Throwable told = tls != null ? tls : e;
    String detail = told.getMessage() == null ? told.getClass().getSimpleName()
        : SafeText.of(told.getMessage(), 2 * ProtocolViolation.MAX_LENGTH);
    if (told instanceof SSLException) {
      detail = "TLS: " + detail;
    }
    switch (kind) {
      case DNS:
        return "unknown host " + detail;
      case CONNECT:
        return "cannot connect: " + detail;
      case TIMEOUT:
        return "timed out: " + detail;
      case TRUNCATED:
        return "body cut short: " + detail;
      case HTTP:
        return detail;
      case PROTOCOL:
        return "protocol error: " + detail;
      case STORAGE:
      case TOO_LARGE:
      case CHECKSUM:
        return detail;
      default:
        return "I/O error: " + detail;
    }
  }

  /**
   * What a refusal to go on means in words, or null if {@code e} is not one: a proxy's refusal
   * of a {@code CONNECT} tunnel (OkHttp says {@code Failed to authenticate with proxy} after a
   * 407 to credentials sent, {@code Unexpected response code for CONNECT: 403} otherwise), or a
   * redirect from an h2c URL to https that OkHttp refuses to take with prior knowledge.
   */
  private static String proxyRefusal(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith(HttpVersions.PRIOR_KNOWLEDGE_OVER_TLS)) {
      return "redirect to https:// not followed: with --http2, http:// URLs use HTTP/2 with "
          + "prior knowledge (h2c), which cannot go on over TLS";
    }
    if (message.equals("Failed to authenticate with proxy")) {
      return "proxy authentication failed: 407 to CONNECT (check the proxy's user:password)";
    }
    String unexpected = "Unexpected response code for CONNECT: ";
    if (message.startsWith(unexpected)) {
      return "proxy refused CONNECT: HTTP "
          + SafeText.of(message.substring(unexpected.length()), ProtocolViolation.MAX_LENGTH);
    }
    return null;
  }

  /** The TLS failure among {@code e}, its causes and the failures suppressed with it, or null. */
  private static SSLException tlsFailureIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return (SSLException) t;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed instanceof SSLException) {
          return (SSLException) suppressed;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
