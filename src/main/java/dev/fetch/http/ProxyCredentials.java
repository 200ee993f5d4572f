package dev.fetch.http;

import dev.fetch.download.ProxySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.Authenticator;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Sends a proxy's {@code user:password} as {@code Proxy-Authorization} (HTTP Basic), up front,
 * and only to the proxy it belongs to:
 *
 * <ul>
 *   <li>for {@code https://} URLs, on the {@code CONNECT} that opens the tunnel, as OkHttp's
 *       {@link Authenticator}: OkHttp asks it before the first {@code CONNECT} (its
 *       "preemptive" challenge). The request inside the tunnel never carries it, so the
 *       destination server never sees the credentials;
 *   <li>for {@code http://} URLs, on each request sent through the proxy, as a network
 *       {@link Interceptor} that sees the connection's route.
 * </ul>
 *
 * A proxy that answers 407 to credentials already sent is not asked again: the {@code CONNECT}
 * fails ({@code Failed to authenticate with proxy}), a plain request's 407 is its result.
 * Equal to another for the same settings (OkHttp's pool compares authenticators). Immutable and
 * thread-safe.
 */
final class ProxyCredentials implements Authenticator, Interceptor {
  static final String HEADER = "Proxy-Authorization";

  private final ProxySettings settings;
  private final ProxyUrl http;
  private final ProxyUrl https;

  ProxyCredentials(ProxySettings settings) {
    this.settings = settings;
    this.http = withCredentials(settings.http());
    this.https = withCredentials(settings.https());
  }

  /** Whether any proxy of {@code settings} has credentials to send. */
  static boolean needed(ProxySettings settings) {
    return withCredentials(settings.http()) != null || withCredentials(settings.https()) != null;
  }

  private static ProxyUrl withCredentials(String url) {
    if (url == null || url.isEmpty()) {
      return null;
    }
    ProxyUrl parsed = ProxyUrl.parse(url);
    return parsed.hasCredentials() ? parsed : null;
  }

  /** The credentials for a connection to {@code proxy} for a URL of {@code scheme}, or null. */
  private ProxyUrl owner(String scheme, Proxy proxy) {
    ProxyUrl candidate = "https".equals(scheme) ? https : http;
    if (candidate == null || proxy.type() != Proxy.Type.HTTP
        || !(proxy.address() instanceof InetSocketAddress)) {
      return null;
    }
    return candidate.isAt((InetSocketAddress) proxy.address()) ? candidate : null;
  }

  /**
   * Credentials for a {@code CONNECT}: OkHttp's preemptive challenge before the first one, or a
   * 407 to one sent without them. Null (give up) for a {@code CONNECT} that carried them, and
   * for a plain request's 407: {@link #intercept} sent them already, and the request OkHttp
   * shows here is the one before that.
   */
  @Override
  public Request authenticate(Route route, Response response) {
    if (route == null || !"CONNECT".equals(response.request().method())
        || response.request().header(HEADER) != null) {
      return null;
    }
    ProxyUrl owner = owner(route.address().url().scheme(), route.proxy());
    if (owner == null) {
      return null;
    }
    return response.request().newBuilder().header(HEADER, owner.authorization()).build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    if (connection == null || request.isHttps() || request.header(HEADER) != null) {
      return chain.proceed(request);
    }
    ProxyUrl owner = owner(request.url().scheme(), connection.route().proxy());
    if (owner == null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header(HEADER, owner.authorization()).build());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProxyCredentials
        && ((ProxyCredentials) other).settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }
}
