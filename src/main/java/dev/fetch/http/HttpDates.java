package dev.fetch.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes times in HTTP's one date format, IMF-fixdate (RFC 9110 5.6.7). Stateless. */
final class HttpDates {
  private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
      .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private HttpDates() {}

  /** {@code time} as {@code Sun, 06 Nov 1994 08:49:37 GMT}, to the second. */
  static String format(Instant time) {
    return IMF_FIXDATE.format(time);
  }
}
