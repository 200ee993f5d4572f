package dev.fetch.input;

import dev.fetch.download.Checksum;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import okhttp3.HttpUrl;

/**
 * One URL line of the input: a valid URL, or the reason it is not one.
 *
 * @param index 0-based position among the URL lines of all the run's inputs, in order (blank
 *     lines and comments do not count; a URL given as an argument is one line)
 * @param source its input's name for messages: a path, {@code <stdin>}, or a URL (a list's, or
 *     the URL argument itself) with credentials redacted
 * @param lineNumber 1-based physical line number in its input
 * @param display the line as it may be shown in any output: credentials redacted as {@code ***@}
 *     (see {@link dev.fetch.download.Urls#displayRaw}), control characters escaped as
 *     {@code \\uXXXX}; never null
 * @param url the parsed URL, or null when the line is invalid
 * @param problem why the line is invalid, or null when it is valid
 * @param settings what the line says after its URL ({@link LineSettings#NONE} when nothing)
 * @param path where the body is to be saved, relative to the output directory, as the run chose
 *     it; null when bodies are not saved (or not chosen yet)
 * @param checksum the digest the body must have: from the line, or from a checksum file; null
 * @param settled the result the run already knows without a request (the URL is skipped), or
 *     null
 */
public record UrlEntry(
    int index, String source, int lineNumber, String display, HttpUrl url, String problem,
    LineSettings settings, String path, Checksum checksum, DownloadResult.Success settled) {

  /** A line with nothing after its URL, as read. */
  public UrlEntry(
      int index, String source, int lineNumber, String display, HttpUrl url, String problem) {
    this(index, source, lineNumber, display, url, problem, LineSettings.NONE, null, null, null);
  }

  /** A line read with the settings after its URL. */
  public UrlEntry(int index, String source, int lineNumber, String display, HttpUrl url,
      String problem, LineSettings settings) {
    this(index, source, lineNumber, display, url, problem, settings, null,
        settings.checksum(), null);
  }

  public boolean isValid() {
    return url != null;
  }

  /** {@code FILE:LINE: reason}, as compilers write it. */
  public String location() {
    return source + ":" + lineNumber;
  }

  public DownloadRequest toRequest() {
    if (url == null) {
      throw new IllegalStateException("invalid entry " + location());
    }
    return new DownloadRequest(index, url, path, checksum);
  }

  /** This entry, saved under {@code path} and checked against {@code checksum} (may be null). */
  public UrlEntry withTarget(String path, Checksum checksum) {
    return new UrlEntry(index, source, lineNumber, display, url, problem, settings, path,
        checksum, settled);
  }

  /** This entry, settled without a request as {@code result}. */
  public UrlEntry settledAs(DownloadResult.Success result) {
    return new UrlEntry(index, source, lineNumber, display, url, problem, settings, path,
        checksum, result);
  }

  /** The failed result an invalid line stands for: kind {@code invalid_url}, no request made. */
  public DownloadResult.Failure toFailure() {
    if (url != null) {
      throw new IllegalStateException("valid entry " + location());
    }
    return DownloadResult.Failure.beforeRequest(
        index, display, ErrorKind.INVALID_URL, location() + ": " + problem);
  }
}
