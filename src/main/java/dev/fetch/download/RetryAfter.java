package dev.fetch.download;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the {@code Retry-After} response header: delay-seconds or an HTTP date. The wait is at
 * most {@link #MAX} whatever the server asks (99999999999 seconds, a date in the year 9999), so
 * every result can be turned into nanoseconds ({@code Duration.toNanos}) without overflow.
 */
public final class RetryAfter {
  /** The longest wait a {@code Retry-After} can give: one year (365 days). */
  public static final Duration MAX = Duration.ofDays(365);

  private RetryAfter() {}

  /**
   * Returns the wait {@code header} asks for, relative to {@code now}, at most {@link #MAX}; or
   * null if unusable (negative, not a number of at most 19 digits, not an RFC 1123 date).
   */
  public static Duration parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : capped(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : capped(wait);
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static Duration capped(Duration wait) {
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}
