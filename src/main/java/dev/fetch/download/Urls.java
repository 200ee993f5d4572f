package dev.fetch.download;

import okhttp3.HttpUrl;

/** Helpers that keep credentials embedded in URLs out of every output. */
public final class Urls {
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
   * Redacts credentials in a raw input line that may not be a valid URL: anything between
   * {@code ://} and the last {@code @} before the first {@code /}, {@code ?} or {@code #}.
   */
  public static String redactRaw(String line) {
    int schemeEnd = line.indexOf("://");
    if (schemeEnd < 0) {
      return line;
    }
    int authorityStart = schemeEnd + 3;
    int authorityEnd = line.length();
    for (int i = authorityStart; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        authorityEnd = i;
        break;
      }
    }
    int at = line.lastIndexOf('@', authorityEnd - 1);
    if (at < authorityStart) {
      return line;
    }
    return line.substring(0, authorityStart) + "***@" + line.substring(at + 1);
  }
}
