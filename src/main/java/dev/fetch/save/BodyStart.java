package dev.fetch.save;

import dev.fetch.download.Validators;
import java.time.Instant;

/**
 * What the downloader knows about a body as it starts reading it, for the sink that stores it.
 *
 * @param declaredLength the decoded bytes the response declared ({@code Content-Length}), or -1
 * @param offset where this body starts in the file: 0 for a whole body, the kept partial's size
 *     for a {@code 206} that continues it ({@code --continue})
 * @param validators the response's {@code ETag} and {@code Last-Modified}, as received
 * @param lastModified the response's {@code Last-Modified} as a time, for the saved file's
 *     modification time, or null when it has none or it is not a valid date
 */
public record BodyStart(long declaredLength, long offset, Validators validators,
    Instant lastModified) {
  /** A whole body with nothing known about it but its declared length. */
  public static BodyStart of(long declaredLength) {
    return new BodyStart(declaredLength, 0, Validators.NONE, null);
  }
}
