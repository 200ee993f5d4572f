package dev.fetch.download;

import java.time.Duration;
import java.util.Objects;

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

  /**
   * Where the body was saved, relative to the output directory ({@code /}-separated), or null
   * when nothing was saved (no output directory, or a failure).
   */
  default String path() {
    return null;
  }

  default boolean succeeded() {
    return this instanceof Success;
  }

  /** This result as the last of {@code attempts} attempts that took {@code elapsed} in all. */
  DownloadResult afterAttempts(int attempts, Duration elapsed);

  /**
   * A URL downloaded completely with a status below 400, or one whose local file was kept.
   *
   * @param outcome downloaded, up to date ({@code not_modified}) or skipped
   * @param path where the body is, relative to the output directory, or null when not saved
   * @param fileBytes how many bytes the saved file holds: more than {@link #bytes()} when a
   *     partial file was resumed ({@code --continue}); -1 when nothing was saved
   */
  record Success(
      int index, String url, Integer status, long bytes, Duration elapsed, int attempts,
      String worker, String protocol, Outcome outcome, String path, long fileBytes)
      implements DownloadResult {

    public Success {
      Objects.requireNonNull(outcome, "outcome");
    }

    /** A body downloaded and not saved. */
    public Success(int index, String url, Integer status, long bytes, Duration elapsed,
        int attempts, String worker, String protocol) {
      this(index, url, status, bytes, elapsed, attempts, worker, protocol, Outcome.DOWNLOADED,
          null, -1);
    }

    /** A success whose protocol is not known (tests, fakes). */
    public Success(int index, String url, Integer status, long bytes, Duration elapsed,
        int attempts, String worker) {
      this(index, url, status, bytes, elapsed, attempts, worker, null);
    }

    /** A URL for which no request was made: its file is kept ({@link Outcome#SKIPPED}). */
    public static Success skipped(int index, String url, String path, long fileBytes) {
      return new Success(index, url, null, 0, Duration.ZERO, 0, null, null, Outcome.SKIPPED,
          path, fileBytes);
    }

    /** This success, saved as {@code path} with {@code fileBytes} bytes in the file. */
    public Success savedAs(String path, long fileBytes) {
      return new Success(index, url, status, bytes, elapsed, attempts, worker, protocol,
          outcome, path, fileBytes);
    }

    /** This success with {@code outcome}. */
    public Success withOutcome(Outcome outcome) {
      return new Success(index, url, status, bytes, elapsed, attempts, worker, protocol,
          outcome, path, fileBytes);
    }

    @Override
    public Success afterAttempts(int attempts, Duration elapsed) {
      return new Success(index, url, status, bytes, elapsed, attempts, worker, protocol,
          outcome, path, fileBytes);
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
