package dev.fetch.download;

/**
 * What a server said identifies the version of a body it sent: its {@code ETag} and its
 * {@code Last-Modified}, as received (either may be null). Kept in the output directory's
 * validator index ({@code .fetch-etags.jsonl}) and sent back in {@code If-None-Match} (with
 * {@code -N}) or {@code If-Range} (with {@code --continue}).
 *
 * @param etag the entity tag with its quotes (and {@code W/} if weak), or null
 * @param lastModified the {@code Last-Modified} date as the server wrote it, or null
 */
public record Validators(String etag, String lastModified) {
  /** No validator at all. */
  public static final Validators NONE = new Validators(null, null);

  /** Whether neither validator is known. */
  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }

  /**
   * The validator {@code If-Range} may carry, or null: the ETag unless it is weak (a weak tag
   * never matches a range, RFC 9110 13.1.5), else the date.
   */
  public String forRange() {
    if (etag != null && !etag.startsWith("W/")) {
      return etag;
    }
    return lastModified;
  }
}
