package dev.fetch.download;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The request headers asked for with {@code -H/--header}, in curl's syntax, applied in the order
 * given:
 *
 * <ul>
 *   <li>{@code Name: value} sends the header. The first of a name replaces the header fetch would
 *       send itself ({@code User-Agent} from {@code -A}, {@code Authorization} from the URL or
 *       netrc, {@code Cookie} from {@code -b NAME=VALUE}); a second one of the same name is sent
 *       as well, as curl does.
 *   <li>{@code Name:} (no value) removes the header from every request, whoever would add it:
 *       fetch ({@code User-Agent}, {@code Authorization}, the cookie engine's {@code Cookie}) or
 *       OkHttp ({@code Accept-Encoding}, {@code Connection}).
 *   <li>{@code Name;} sends the header with an empty value.
 * </ul>
 *
 * <p>A later argument for a name cancels an earlier removal of it, and a removal cancels the
 * earlier headers of its name. Names are tokens (RFC 9110 §5.6.2); values are printable ASCII and
 * tabs, surrounding blanks removed. {@code Host} may be set but not removed, and
 * {@code Content-Length} and {@code Transfer-Encoding} are fetch's own (a GET has no body).
 *
 * <p>Values may be secrets ({@code Authorization}): {@link #toString} and every error message name
 * the headers only. Immutable and thread-safe.
 */
public final class RequestHeaders {
  private static final RequestHeaders NONE = new RequestHeaders(List.of(), List.of(), Set.of());
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";
  private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding");

  /** One header to send. {@link #toString} leaves the value out. */
  public record Header(String name, String value) {
    @Override
    public String toString() {
      return name + ": …";
    }
  }

  private final List<String> arguments;
  private final List<Header> sent;
  private final Set<String> removed;

  private RequestHeaders(List<String> arguments, List<Header> sent, Set<String> removed) {
    this.arguments = arguments;
    this.sent = sent;
    this.removed = removed;
  }

  /** No {@code -H} at all. */
  public static RequestHeaders none() {
    return NONE;
  }

  /**
   * The headers {@code arguments} ask for, each as given to {@code -H}.
   *
   * @throws IllegalArgumentException naming the header (never its value) and the first character
   *     not allowed, when an argument is malformed
   */
  public static RequestHeaders parse(List<String> arguments) {
    if (arguments.isEmpty()) {
      return NONE;
    }
    List<Header> sent = new ArrayList<>();
    Set<String> removed = new LinkedHashSet<>();
    for (String argument : arguments) {
      Header header = header(argument);
      String key = header.name().toLowerCase(Locale.ROOT);
      if (header.value() == null) {
        sent.removeIf(h -> h.name().equalsIgnoreCase(key));
        removed.add(key);
      } else {
        removed.remove(key);
        sent.add(header);
      }
    }
    return new RequestHeaders(List.copyOf(arguments), Collections.unmodifiableList(sent),
        Collections.unmodifiableSet(removed));
  }

  /** The headers to send, in order; several may share a name. */
  public List<Header> sent() {
    return sent;
  }

  /** Whether {@code -H} sends a header called {@code name} (in any case). */
  public boolean sends(String name) {
    return sent.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
  }

  /** Whether {@code -H name:} removes it from every request. */
  public boolean removes(String name) {
    return removed.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The names removed, in lower case. */
  public Set<String> removed() {
    return removed;
  }

  /** The arguments as given, e.g. to send to a worker process, which parses them again. */
  public List<String> arguments() {
    return arguments;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RequestHeaders && ((RequestHeaders) other).arguments.equals(arguments);
  }

  @Override
  public int hashCode() {
    return arguments.hashCode();
  }

  @Override
  public String toString() {
    return "RequestHeaders" + sent + (removed.isEmpty() ? "" : " removed " + removed);
  }

  /** One argument: a header with a value, an empty value ({@code Name;}), or null (removal). */
  private static Header header(String argument) {
    int colon = argument.indexOf(':');
    String name;
    String value;
    if (colon >= 0) {
      name = argument.substring(0, colon);
      value = strip(argument.substring(colon + 1));
      checkName(name);
      checkValue(name, value);
      if (value.isEmpty()) {
        value = null;
      }
    } else if (strip(argument).endsWith(";")) {
      String trimmed = strip(argument);
      name = trimmed.substring(0, trimmed.length() - 1);
      value = "";
      checkName(name);
    } else {
      throw new IllegalArgumentException("must be 'Name: value', 'Name:' (to remove a header) "
          + "or 'Name;' (to send it empty)");
    }
    String key = name.toLowerCase(Locale.ROOT);
    if (FRAMING.contains(key)) {
      throw new IllegalArgumentException(name + " cannot be set or removed: fetch frames its "
          + "requests itself");
    }
    if (key.equals("host") && value == null) {
      throw new IllegalArgumentException("Host cannot be removed: HTTP/1.1 requires it");
    }
    return new Header(name, value);
  }

  private static void checkName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("has no header name before ':' or ';'");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || TOKEN_SYMBOLS.indexOf(c) >= 0;
      if (!token) {
        throw new IllegalArgumentException(String.format("character %d of the header name is "
            + "U+%04X%s; a name has letters, digits and %s only", i + 1, (int) c,
            describe(c), TOKEN_SYMBOLS));
      }
    }
  }

  /** HTTP allows visible ASCII, spaces and tabs in a value (RFC 9110 §5.5). */
  private static void checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException(String.format("%s: character %d of the value is "
            + "U+%04X%s; a value is printable ASCII", name, i + 1, (int) c, describe(c)));
      }
    }
  }

  private static String describe(char c) {
    return c < 0x20 || c == 0x7f ? ", a control character" : c == ' ' ? ", a space" : "";
  }

  /** {@code text} without leading and trailing spaces and tabs. */
  private static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(start, end);
  }
}
