package dev.fetch.http;

import dev.fetch.download.Urls;
import dev.fetch.log.Diagnostics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * An HTTP proxy as curl's {@code -x} and {@code http_proxy} take it:
 * {@code [http://][user:password@]host[:port]}. Without a scheme it is {@code http://}; without
 * a port it is 1080, as in curl. Only {@code http://} proxies are supported: an
 * {@code https://} (TLS to the proxy) or SOCKS proxy is refused with a reason, never ignored.
 * The user name and password are percent-decoded and sent as HTTP Basic
 * {@code Proxy-Authorization}.
 *
 * <p>Nothing here ever shows the password: {@link #toString} and every error message redact
 * {@code user:password@}. Immutable.
 */
final class ProxyUrl {
  /** curl's port for a proxy given without one. */
  static final int DEFAULT_PORT = 1080;
  /** The most characters of a bad value an error message quotes. */
  static final int MAX_SHOWN = 200;

  private final String host;
  private final int port;
  private final String user;
  private final String password;

  private ProxyUrl(String host, int port, String user, String password) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with a reason that never quotes the credentials
   */
  static ProxyUrl parse(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Diagnostics.isControl(text.charAt(i)) || text.charAt(i) == ' ') {
        throw new IllegalArgumentException("contains " + (text.charAt(i) == ' ' ? "a space"
            : "a control character") + " (" + shown(text) + ")");
      }
    }
    String withScheme = text;
    int schemeEnd = text.indexOf("://");
    if (schemeEnd < 0) {
      withScheme = "http://" + text;
    } else {
      String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      if (scheme.startsWith("socks")) {
        throw new IllegalArgumentException("SOCKS proxies are not supported, only http:// ("
            + shown(text) + ")");
      }
      if (scheme.equals("https")) {
        throw new IllegalArgumentException("https:// proxies (TLS to the proxy) are not "
            + "supported, only http:// (" + shown(text) + ")");
      }
      if (!scheme.equals("http")) {
        throw new IllegalArgumentException("unsupported proxy scheme '" + shown(scheme)
            + "', only http:// (" + shown(text) + ")");
      }
    }
    HttpUrl url = HttpUrl.parse(withScheme);
    if (url == null || url.host().isEmpty()) {
      throw new IllegalArgumentException("not a proxy URL ([http://][user:password@]host[:port]"
          + "): " + shown(text));
    }
    int port = hasPort(withScheme) ? url.port() : DEFAULT_PORT;
    return new ProxyUrl(url.host(), port, url.username(), url.password());
  }

  /** Whether the authority of {@code url} (which has a scheme) names a port. */
  private static boolean hasPort(String url) {
    int start = url.indexOf("://") + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    String hostPort = url.substring(at < start ? start : at + 1, end);
    int colon = hostPort.lastIndexOf(':');
    return colon >= 0 && colon > hostPort.lastIndexOf(']');
  }

  /**
   * {@code text} with any {@code user:password@} replaced and control characters escaped, cut
   * after {@value #MAX_SHOWN} characters: a variable may hold anything.
   */
  static String shown(String text) {
    String redacted = Urls.redactRaw(text);
    return redacted.length() <= MAX_SHOWN ? Diagnostics.printable(redacted)
        : Diagnostics.printable(redacted.substring(0, MAX_SHOWN)) + "...";
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  boolean hasCredentials() {
    return !user.isEmpty() || !password.isEmpty();
  }

  /** The {@code Proxy-Authorization} value: HTTP Basic, UTF-8. */
  String authorization() {
    return Credentials.basic(user, password, StandardCharsets.UTF_8);
  }

  /** Whether {@code address} (as OkHttp's route holds it) is this proxy. */
  boolean isAt(InetSocketAddress address) {
    return address.getPort() == port && address.getHostString().equalsIgnoreCase(host);
  }

  /** An unresolved address: OkHttp resolves the proxy's name with its own DNS. */
  InetSocketAddress address() {
    return InetSocketAddress.createUnresolved(host, port);
  }

  /** {@code http://host:port}, with {@code ***@} in place of any credentials. */
  @Override
  public String toString() {
    String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return "http://" + (hasCredentials() ? "***@" : "") + shownHost + ":" + port;
  }
}
