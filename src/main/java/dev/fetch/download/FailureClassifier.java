package dev.fetch.download;

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
    if (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted()) {
      return ErrorKind.TIMEOUT;
    }
    if (duringBody) {
      return ErrorKind.TRUNCATED;
    }
    if (e instanceof UnknownHostException) {
      return ErrorKind.DNS;
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException
        || e instanceof SSLException) {
      return ErrorKind.CONNECT;
    }
    if (e instanceof ProtocolException && String.valueOf(e.getMessage()).startsWith("Too many")) {
      return ErrorKind.HTTP;
    }
    return ErrorKind.IO;
  }

  /** A short message: what went wrong, in words, then the exception's own text. */
  static String message(IOException e, ErrorKind kind) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
      case STORAGE:
        return detail;
      default:
        return "I/O error: " + detail;
    }
  }
}
