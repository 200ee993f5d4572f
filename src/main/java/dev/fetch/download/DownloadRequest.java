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
 * @param validators what the output directory's validator index recorded for {@code path}
 *     (ETag, Last-Modified) when the run makes conditional or range requests ({@code -N},
 *     {@code --continue}); {@link Validators#NONE} otherwise
 */
public record DownloadRequest(int index, HttpUrl url, String path, Checksum checksum,
    Validators validators) {
  public DownloadRequest {
    Objects.requireNonNull(url, "url");
    validators = validators == null ? Validators.NONE : validators;
  }

  /** A request with no recorded validators. */
  public DownloadRequest(int index, HttpUrl url, String path, Checksum checksum) {
    this(index, url, path, checksum, Validators.NONE);
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
    return new DownloadRequest(index, url, path, checksum, validators);
  }

  /** This request checked against {@code checksum}. */
  public DownloadRequest withChecksum(Checksum checksum) {
    return new DownloadRequest(index, url, path, checksum, validators);
  }

  /** This request with the validators recorded for its file. */
  public DownloadRequest withValidators(Validators validators) {
    return new DownloadRequest(index, url, path, checksum, validators);
  }
}
