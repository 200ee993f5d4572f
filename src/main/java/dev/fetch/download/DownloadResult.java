package dev.fetch.download;

import java.time.Duration;

/**
 * The one outcome of one URL: a {@link Success} or a {@link Failure}. Every URL in the input gets
 * exactly one result; a failed URL is a value, not an exception.
 */
public sealed interface DownloadResult permits DownloadResult.Success, DownloadResult.Failure {

  /** 0-based position of the URL in the input list. */
  int index();

  /** The URL as shown to people: credentials removed. */
  String url();

  /** The HTTP status of the last response, or {@code null} when none was received. */
  Integer status();

  /** Decoded body bytes read in the last attempt (the whole body on success). */
  long bytes();

  /** Wall time from the first attempt's start to the end, including retries and back-off. */
  Duration elapsed();

  /** How many requests were made: 1 without retries, 0 for an invalid URL. */
  int attempts();

  /** The name of the worker that ran the download, or {@code null} when none did. */
  String worker();

  /**
   * The HTTP version of the last response, as ALPN names it ({@code "http/1.1"}, {@code "h2"},
   * {@code "http/1.0"}), or {@code null} when no response was received.
   */
  String protocol();

  default boolean succeeded() {
    return this instanceof Success;
  }

  /** This result as the last of {@code attempts} attempts that took {@code elapsed} in all. */
  DownloadResult afterAttempts(int attempts, Duration elapsed);

  /** A URL downloaded completely with a status below 400. */
  record Success(
      int index, String url, Integer status, long bytes, Duration elapsed, int attempts,
      String worker, String protocol) implements DownloadResult {

    /** A success whose protocol is not known (tests, fakes). */
    public Success(int index, String url, Integer status, long bytes, Duration elapsed,
        int attempts, String worker) {
      this(index, url, status, bytes, elapsed, attempts, worker, null);
    }

    @Override
    public Success afterAttempts(int attempts, Duration elapsed) {
      return new Success(index, url, status, bytes, elapsed, attempts, worker, protocol);
    }
  }

  /**
   * A URL that could not be downloaded.
   *
   * @param kind why, in one word of the output schema
   * @param message a one-line explanation for people, free of credentials
   * @param retryAfter the wait the server asked for before a retry ({@code Retry-After}), or null
   * @param protocol the HTTP version of the response, or null when none was received
   */
  record Failure(
      int index, String url, Integer status, long bytes, Duration elapsed, int attempts,
      String worker, ErrorKind kind, String message, Duration retryAfter, String protocol)
      implements DownloadResult {

    /** A failure with no response, or whose protocol is not known. */
    public Failure(int index, String url, Integer status, long bytes, Duration elapsed,
        int attempts, String worker, ErrorKind kind, String message, Duration retryAfter) {
      this(index, url, status, bytes, elapsed, attempts, worker, kind, message, retryAfter, null);
    }

    /** A failure found before any request was made, such as an invalid input line. */
    public static Failure beforeRequest(int index, String url, ErrorKind kind, String message) {
      return new Failure(index, url, null, 0, Duration.ZERO, 0, null, kind, message, null);
    }

    @Override
    public Failure afterAttempts(int attempts, Duration elapsed) {
      return new Failure(index, url, status, bytes, elapsed, attempts, worker, kind, message,
          retryAfter, protocol);
    }
  }
}
