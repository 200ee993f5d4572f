package dev.fetch.download;

import java.util.Locale;

/**
 * Why a URL failed. The lower-case {@link #wireName()} is part of the stable output schema
 * ({@code error_kind} in JSON lines and CSV).
 */
public enum ErrorKind {
  /** The input line is not an absolute http or https URL; nothing was sent. */
  INVALID_URL,
  /** The host name could not be resolved. */
  DNS,
  /**
   * No connection could be made: refused, unreachable, dropped during the TLS handshake, or a
   * proxy that refused the tunnel.
   */
  CONNECT,
  /** The connect, read or whole-request timeout expired. */
  TIMEOUT,
  /** The server answered with a status of 400 or more. */
  HTTP,
  /** The connection ended before the body was complete. */
  TRUNCATED,
  /** Any other I/O failure. */
  IO,
  /**
   * The worker process running the download died (killed, out of memory, exited) every time it
   * was tried ({@code --mode=processes} only).
   */
  WORKER_CRASH,
  /** The body was larger than {@code --max-size} allows (decoded); never retried. */
  TOO_LARGE,
  /**
   * The body could not be written to local storage (disk full, a directory in the way). Shown as
   * {@code io}; never retried, since downloading again cannot help.
   */
  STORAGE,
  /**
   * The response broke HTTP's rules (RFC 9110, RFC 9112): no valid status line, a status outside
   * 200–599 (or 101 unasked), an invalid or conflicting {@code Content-Length}, both
   * {@code Content-Length} and {@code Transfer-Encoding}, a bad chunk, control characters in a
   * header. A server that sends this will send it again: not retried.
   */
  PROTOCOL,
  /**
   * TLS refused the server: its certificate is self-signed, expired, issued by an authority not
   * trusted ({@code --cacert}) or for another host name, or the handshake failed (no common
   * protocol version or cipher, an alert, not TLS at all). Asking again gets the same answer:
   * not retried. A handshake that stalls is a {@link #TIMEOUT}; one cut off is {@link #CONNECT}.
   */
  TLS,
  /**
   * The body's digest differs from the one expected ({@code --checksum-file}, or {@code sha256=}
   * on its list line): the file is not kept under its name. Not retried: a server that sent one
   * body will send it again.
   */
  CHECKSUM;

  /** The name used in machine-readable output, e.g. {@code invalid_url}. */
  public String wireName() {
    return this == STORAGE ? "io" : name().toLowerCase(Locale.ROOT);
  }
}
