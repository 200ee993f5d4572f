package dev.fetch.download;

import dev.fetch.log.Diagnostics;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Helpers that keep credentials embedded in URLs out of every output. */
public final class Urls {
  /** A scheme-ish word (optional) and separators that end in at least one slash. */
  private static final Pattern PREFIX =
      Pattern.compile("(?:[A-Za-z][A-Za-z0-9+.-]*[:;]?)?[/\\\\]+");

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
   * {@code Location} header): everything from the start of the would-be authority up to the last
   * {@code @} is replaced by {@code ***}, so {@code user:password@} never shows, however the URL
   * around it is mangled.
   *
   * <p>The authority starts after a scheme-ish prefix that ends in slashes ({@code http://},
   * {@code http//}, {@code http;//}, {@code http:/}, {@code //}, {@code http:\\}), or else at the
   * very start: {@code @alice:pw@host}, {@code alice:pw@host} and {@code http:alice:pw@host} all
   * become {@code ***@host}. Errs on the side of hiding: a password may contain {@code /},
   * {@code ?}, {@code #} or a space, so an {@code @} later in a path is treated the same way.
   */
  public static String redactRaw(String text) {
    Matcher prefix = PREFIX.matcher(text);
    int start = prefix.lookingAt() ? prefix.end() : 0;
    int at = text.lastIndexOf('@');
    if (at < start) {
      return text;
    }
    return text.substring(0, start) + "***@" + text.substring(at + 1);
  }

  /**
   * How text that is not a parsed URL may be shown anywhere: {@linkplain #redactRaw redacted},
   * then with control characters {@linkplain Diagnostics#printable escaped}.
   */
  public static String displayRaw(String text) {
    return Diagnostics.printable(redactRaw(text));
  }
}
