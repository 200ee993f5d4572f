package dev.fetch.save;

import dev.fetch.download.Validators;
import java.time.Instant;
import okhttp3.Headers;

/**
 * What the downloader knows about a body as it starts reading it, for the sink that stores it.
 *
 * <p>The {@code Last-Modified} date is parsed only when a sink asks for it
 * ({@link #lastModified()}): a sink that discards bodies never does, and parsing an HTTP date
 * (OkHttp's {@code SimpleDateFormat}s) was a tenth of fetch's CPU per URL on small bodies.
 *
 * @param declaredLength the decoded bytes the response declared ({@code Content-Length}), or -1
 * @param offset where this body starts in the file: 0 for a whole body, the kept partial's size
 *     for a {@code 206} that continues it ({@code --continue})
 * @param validators the response's {@code ETag} and {@code Last-Modified}, as received
 */
public record BodyStart(long declaredLength, long offset, Validators validators) {
  /** A whole body with nothing known about it but its declared length. */
  public static BodyStart of(long declaredLength) {
    return new BodyStart(declaredLength, 0, Validators.NONE);
  }

  /**
   * The response's {@code Last-Modified} as a time, for the saved file's modification time, or
   * null when it has none or it is not a valid date. Parsed on each call, as OkHttp parses it
   * ({@code Headers.getInstant}: the HTTP date formats it accepts, leniently).
   */
  public Instant lastModified() {
    return lastModified(validators);
  }

  /** {@code validators}' {@code Last-Modified} as a time, or null (see {@link #lastModified()}). */
  static Instant lastModified(Validators validators) {
    String date = validators.lastModified();
    if (date == null) {
      return null;
    }
    return new Headers.Builder().addUnsafeNonAscii("Last-Modified", date).build()
        .getInstant("Last-Modified");
  }
}
