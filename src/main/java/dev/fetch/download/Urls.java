package dev.fetch.download;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Helpers that keep credentials embedded in URLs out of every output. */
public final class Urls {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private Urls() {}

  /**
   * Returns {@code url} as text with any {@code user:password@} part replaced by {@code ***@}, so
   * a reader can tell credentials were given without learning them.
   */
  public static String redact(HttpUrl url) {
    if (url.encodedUsername().isEmpty() && url.encodedPassword().isEmpty()) {
      return url.toString();
    }
    String plain = url.newBuilder().username("").password("").build().toString();
    int hostStart = plain.indexOf("://") + 3;
    return plain.substring(0, hostStart) + "***@" + plain.substring(hostStart);
  }

  /**
   * Redacts credentials in text that may not be a valid URL (an invalid input line, a
   * {@code Location} header): after a leading {@code scheme:} and any slashes, everything up to the
   * last {@code @} is replaced by {@code ***}. Errs on the side of hiding: a password may contain
   * {@code /}, {@code ?} or {@code #}, so an {@code @} later in a path is treated the same way.
   */
  public static String redactRaw(String text) {
    Matcher scheme = SCHEME.matcher(text);
    if (!scheme.find()) {
      return text;
    }
    int start = scheme.end();
    while (start < text.length() && (text.charAt(start) == '/' || text.charAt(start) == '\\')) {
      start++;
    }
    int at = text.lastIndexOf('@');
    if (at < start) {
      return text;
    }
    return text.substring(0, start) + "***@" + text.substring(at + 1);
  }
}
