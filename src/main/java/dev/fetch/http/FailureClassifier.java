package dev.fetch.http;

import dev.fetch.download.ErrorKind;
import dev.fetch.save.StorageException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Maps an I/O failure to the {@link ErrorKind} and one-line message users see. */
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
    if (e instanceof ConnectException || e instanceof NoRouteToHostException
        || e instanceof SSLException || tlsFailureIn(e) != null) {
      return ErrorKind.CONNECT;
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
    Throwable told = tlsFailureIn(e);
    if (told == null) {
      told = e;
    }
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
        return detail;
      default:
        return "I/O error: " + detail;
    }
  }

  /** The TLS failure among {@code e}, its causes and the failures suppressed with it, or null. */
  private static Throwable tlsFailureIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return t;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed instanceof SSLException) {
          return suppressed;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
