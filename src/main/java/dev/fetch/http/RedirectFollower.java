package dev.fetch.http;

import dev.fetch.download.CookieStore;
import dev.fetch.download.Urls;
import dev.fetch.log.Diagnostics;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp application interceptor that follows redirects itself (the client's own following is
 * off), so that each hop's request is built the same way in blocking and asynchronous calls:
 *
 * <ul>
 *   <li>at most {@code maxRedirects} redirects are followed; the response that would take one
 *       more is returned as it is (the downloader calls it "too many redirects"), as is a redirect
 *       without a usable {@code Location} (not http or https, or none);
 *   <li>the credentials of the first request — {@code Authorization} (from the URL, netrc or
 *       {@code -H}), {@code Cookie} (from {@code -b NAME=VALUE} or {@code -H}),
 *       {@code Proxy-Authorization} — and a {@code -H Host} go only to the first request's origin
 *       (scheme, host and port): a hop elsewhere is sent without them, and a hop back gets them
 *       again, as curl does;
 *   <li>with the cookie engine on, every hop sends the run's cookies that match it, after any
 *       {@code Cookie} of the first request's, in one header, and stores the cookies its response
 *       sets (through {@link SetCookies}), so a cookie set by a redirect is sent on the next hop.
 * </ul>
 *
 * <p>Every hop is a {@code GET}. Stateless apart from the shared, thread-safe store.
 */
final class RedirectFollower implements Interceptor {
  private final int maxRedirects;
  private final CookieStore cookies;
  private final SetCookies setCookies;
  private final Diagnostics log;

  RedirectFollower(int maxRedirects, CookieStore cookies, Clock clock, Diagnostics log) {
    this.maxRedirects = maxRedirects;
    this.cookies = cookies;
    this.setCookies = new SetCookies(cookies, clock, log);
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request first = chain.request();
    Request request = withCookies(first);
    for (int followed = 0; ; followed++) {
      Response response = chain.proceed(request);
      setCookies.receive(response);
      HttpUrl next = target(response);
      if (next == null || followed >= maxRedirects) {
        return response;
      }
      response.close();
      Request.Builder hop = first.newBuilder().url(next);
      if (!sameOrigin(first.url(), next)) {
        hop.removeHeader("Authorization").removeHeader("Proxy-Authorization")
            .removeHeader("Cookie").removeHeader("Host");
      }
      request = withCookies(hop.build());
      HttpUrl from = response.request().url();
      log.debug(() -> Urls.redact(from) + ": redirected to " + Urls.redact(next));
    }
  }

  /**
   * Where a redirect leads: the {@code Location} of a 300, 301, 302, 303, 307 or 308 response,
   * resolved against its URL, when it is an http or https URL; null otherwise.
   */
  static HttpUrl target(Response response) {
    if (!isRedirect(response.code())) {
      return null;
    }
    String location = response.header("Location");
    return location == null ? null : response.request().url().resolve(location);
  }

  /** The statuses that are followed as redirects (a 304 Not Modified is not one). */
  static boolean isRedirect(int status) {
    return status == 300 || status == 301 || status == 302 || status == 303 || status == 307
        || status == 308;
  }

  /** Same scheme, host and port: where the first request's credentials may go. */
  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /** {@code request} with the stored cookies that match it appended to its own. */
  private Request withCookies(Request request) {
    if (!cookies.enabled()) {
      return request;
    }
    HttpUrl url = request.url();
    List<String> pairs = cookies.matching(url.host(), url.encodedPath(), url.isHttps()).stream()
        .map(cookie -> cookie.pair()).toList();
    if (pairs.isEmpty()) {
      return request;
    }
    String own = request.header("Cookie");
    String jar = String.join("; ", pairs);
    return request.newBuilder().header("Cookie", own == null ? jar : own + "; " + jar).build();
  }
}
