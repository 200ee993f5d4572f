package dev.fetch.download;

import java.util.Locale;
import java.util.Objects;

/**
 * One cookie as a line of a Netscape cookie file, the format curl and wget read and write:
 * {@code [#HttpOnly_]DOMAIN TAB SUBDOMAINS TAB PATH TAB SECURE TAB EXPIRES TAB NAME TAB VALUE}.
 *
 * <p>The fields are checked on creation so every cookie can be written back to such a file and
 * sent in a {@code Cookie} header: a domain of visible ASCII, a path starting with {@code /}, a
 * name of visible ASCII without {@code =} or {@code ;}, a value of printable ASCII without
 * {@code ;}, and no tab anywhere. {@link #toString} leaves the value out. Immutable.
 *
 * @param domain the host name or domain, lower case, without a leading dot
 * @param includeSubdomains sent to hosts under {@code domain} too (curl's "tailmatch");
 *     otherwise to {@code domain} itself only
 * @param path sent to URLs whose path is this path or below it
 * @param secure sent over https only
 * @param httpOnly written with the {@code #HttpOnly_} prefix
 * @param expires when it expires, in seconds since the epoch; 0 for a session cookie
 * @param name its name
 * @param value its value, possibly empty
 */
public record NetscapeCookie(String domain, boolean includeSubdomains, String path,
    boolean secure, boolean httpOnly, long expires, String name, String value) {
  static final String HTTP_ONLY = "#HttpOnly_";

  /** @throws IllegalArgumentException saying which field cannot be written or sent */
  public NetscapeCookie {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (domain.startsWith(".")) {
      domain = domain.substring(1);
    }
    domain = domain.toLowerCase(Locale.ROOT);
    if (domain.isEmpty() || !visible(domain, "")) {
      throw new IllegalArgumentException("the domain is empty or has a blank or a character "
          + "that is not ASCII");
    }
    if (!path.startsWith("/") || !visible(path, "")) {
      throw new IllegalArgumentException("the path must start with / and be visible ASCII");
    }
    if (name.isEmpty() || !visible(name, "=;")) {
      throw new IllegalArgumentException("the name is empty or has a blank, =, ; or a character "
          + "that is not ASCII");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == ';') {
        throw new IllegalArgumentException(String.format("character %d of the value is U+%04X, "
            + "which cannot be sent in a Cookie header", i + 1, (int) c));
      }
    }
    if (expires < 0) {
      throw new IllegalArgumentException("negative expiry time");
    }
  }

  /** Whether it is gone at {@code epochSecond}; a session cookie never is within a run. */
  public boolean expiredAt(long epochSecond) {
    return expires != 0 && expires <= epochSecond;
  }

  /**
   * Whether it goes with a request to {@code host} and {@code path} (RFC 6265 §5.1.3, §5.1.4).
   *
   * @param https whether the request is over TLS
   */
  public boolean matches(String host, String path, boolean https) {
    if (secure && !https) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    boolean domainMatch = h.equals(domain) || includeSubdomains && h.endsWith("." + domain)
        && !isIpAddress(h);
    if (!domainMatch) {
      return false;
    }
    return path.equals(this.path) || path.startsWith(this.path)
        && (this.path.endsWith("/") || path.charAt(this.path.length()) == '/');
  }

  /** The cookie's identity: a new one with the same replaces it. */
  public String key() {
    return domain + "\t" + path + "\t" + name;
  }

  /** {@code name=value}, as sent in a {@code Cookie} header. */
  public String pair() {
    return name + "=" + value;
  }

  /** The line of a cookie file, as curl writes it (a leading dot on a subdomain cookie's domain). */
  public String line() {
    return (httpOnly ? HTTP_ONLY : "") + (includeSubdomains ? "." : "") + domain + "\t"
        + bool(includeSubdomains) + "\t" + path + "\t" + bool(secure) + "\t" + expires + "\t"
        + name + "\t" + value;
  }

  /**
   * The cookie on {@code line} of a cookie file.
   *
   * @throws IllegalArgumentException saying what is wrong, never quoting the value
   */
  public static NetscapeCookie parse(String line) {
    boolean httpOnly = line.startsWith(HTTP_ONLY);
    String[] fields = (httpOnly ? line.substring(HTTP_ONLY.length()) : line).split("\t", -1);
    if (fields.length != 7 && fields.length != 6) {
      throw new IllegalArgumentException("expected 7 fields separated by tabs (domain, "
          + "subdomains, path, secure, expires, name, value), found " + fields.length);
    }
    long expires;
    try {
      expires = Long.parseLong(fields[4]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the expiry time (field 5) is not a whole number of "
          + "seconds");
    }
    return new NetscapeCookie(fields[0], flag(fields[1], 2), fields[2], flag(fields[3], 4),
        httpOnly, expires, fields[5], fields.length == 7 ? fields[6] : "");
  }

  @Override
  public String toString() {
    return (includeSubdomains ? "." : "") + domain + path + " " + name + "=…";
  }

  private static boolean flag(String field, int number) {
    if (field.equalsIgnoreCase("TRUE")) {
      return true;
    }
    if (field.equalsIgnoreCase("FALSE")) {
      return false;
    }
    throw new IllegalArgumentException("field " + number + " must be TRUE or FALSE");
  }

  private static String bool(boolean flag) {
    return flag ? "TRUE" : "FALSE";
  }

  private static boolean visible(String text, String forbidden) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c > 0x7e || forbidden.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpAddress(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
  }
}
