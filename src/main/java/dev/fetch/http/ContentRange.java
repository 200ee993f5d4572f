package dev.fetch.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two forms of {@code Content-Range} a range request gets back (RFC 9110 14.4):
 * {@code bytes FIRST-LAST/LENGTH} on a {@code 206}, {@code bytes * /LENGTH} on a {@code 416}.
 * Stateless.
 */
final class ContentRange {
  private static final Pattern PART = Pattern.compile(
      "\\s*bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern UNSATISFIED = Pattern.compile(
      "\\s*bytes\\s+\\*/(\\d{1,18})\\s*", Pattern.CASE_INSENSITIVE);

  private ContentRange() {}

  /** The first byte position of a {@code 206}'s range, or -1 when the header is not one. */
  static long first(String header) {
    Matcher m = header == null ? null : PART.matcher(header);
    if (m == null || !m.matches()) {
      return -1;
    }
    long first = Long.parseLong(m.group(1));
    return Long.parseLong(m.group(2)) >= first ? first : -1;
  }

  /** The complete length a {@code 416} states, or -1 when the header is not {@code bytes *}/N. */
  static long completeLength(String header) {
    Matcher m = header == null ? null : UNSATISFIED.matcher(header);
    return m != null && m.matches() ? Long.parseLong(m.group(1)) : -1;
  }
}
