package dev.fetch.download;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One URL to download, with its 0-based position in the input list, and, when bodies are saved,
 * where and how.
 *
 * @param index position in the input, counting only URL lines (not blanks or comments)
 * @param url the parsed URL, credentials included: never print it, print {@link #displayUrl()}
 * @param path where the body is saved, relative to the output directory, {@code /}-separated
 *     (chosen for the whole run in input order, so it never depends on completion order or mode),
 *     or null when bodies are not saved
 * @param checksum the digest the body must have, or null when it is not checked
 */
public record DownloadRequest(int index, HttpUrl url, String path, Checksum checksum) {
  public DownloadRequest {
    Objects.requireNonNull(url, "url");
  }

  /** A request whose body is not saved or checked. */
  public DownloadRequest(int index, HttpUrl url) {
    this(index, url, null, null);
  }

  /** The URL as it may be shown to people and written to files: credentials removed. */
  public String displayUrl() {
    return Urls.redact(url);
  }

  /** This request saved under {@code path}. */
  public DownloadRequest withPath(String path) {
    return new DownloadRequest(index, url, path, checksum);
  }

  /** This request checked against {@code checksum}. */
  public DownloadRequest withChecksum(Checksum checksum) {
    return new DownloadRequest(index, url, path, checksum);
  }
}
