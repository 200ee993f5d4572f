package dev.fetch.input;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Decides whether one trimmed input line is an absolute http or https URL.
 *
 * <p>Rejected, each with its own reason: lines longer than {@link #MAX_LENGTH}, lines with spaces
 * or control characters inside, relative references, schemes other than http and https, and
 * anything OkHttp cannot parse as a URL with a host.
 *
 * <p>A reason never quotes the line, which may hold credentials: it names a scheme other than
 * http and https only when a slash follows it ({@code ftp://}, {@code file:/}), since the word
 * before the first colon of {@code alice:secret@host} is a user name.
 */
final class UrlValidator {
  static final int MAX_LENGTH = 8192;
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  private UrlValidator() {}

  /** The outcome: a URL or a problem. */
  record Verdict(HttpUrl url, String problem) {}

  static Verdict check(String line) {
    if (line.length() > MAX_LENGTH) {
      return problem("line too long (" + line.length() + " characters; the limit is "
          + MAX_LENGTH + ")");
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isISOControl(c)) {
        return problem("contains a control character (U+" + String.format("%04X", (int) c) + ")");
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return problem("contains a space: one URL per line; encode spaces in a URL as %20");
      }
    }
    Matcher scheme = SCHEME.matcher(line);
    if (!scheme.find()) {
      return problem("not an absolute URL (expected http:// or https://)");
    }
    String name = scheme.group(1).toLowerCase(Locale.ROOT);
    boolean http = name.equals("http") || name.equals("https");
    if (!http && !line.startsWith("/", scheme.end())) {
      // Not named: in "alice:secret@host" the would-be scheme is a user name.
      return problem("not an absolute URL (expected http:// or https://)");
    }
    if (!http) {
      return problem("unsupported scheme '" + name + "' (only http and https)");
    }
    if (!line.startsWith("//", scheme.end())) {
      return problem("not an absolute URL (expected " + name + "://host/...)");
    }
    HttpUrl url = HttpUrl.parse(line);
    if (url == null) {
      return problem("malformed URL (bad host or port?)");
    }
    return new Verdict(url, null);
  }

  private static Verdict problem(String why) {
    return new Verdict(null, why);
  }
}
