package dev.fetch.download;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One URL to download, with its 0-based position in the input list.
 *
 * @param index position in the input, counting only URL lines (not blanks or comments)
 * @param url the parsed URL, credentials included: never print it, print {@link #displayUrl()}
 */
public record DownloadRequest(int index, HttpUrl url) {
  public DownloadRequest {
    Objects.requireNonNull(url, "url");
  }

  /** The URL as it may be shown to people and written to files: credentials removed. */
  public String displayUrl() {
    return Urls.redact(url);
  }
}
