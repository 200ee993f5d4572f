package dev.fetch.http;

import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Netrc;
import dev.fetch.download.RequestHeaders;
import dev.fetch.download.RequestSettings;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Builds the first request of each attempt from the run's settings, in curl's order of
 * precedence: fetch's {@code User-Agent} ({@code -A}); Basic authentication from the URL's
 * credentials, else from netrc for the URL's host (a user named in the URL picks the netrc entry
 * with that login); the {@code -b NAME=VALUE} cookies as a {@code Cookie} header; then every
 * {@code -H}, which replaces any of those of its name, or removes it ({@code Name:}). Later hops
 * of a redirect are built from this request by {@link RedirectFollower}. Immutable and
 * thread-safe.
 */
final class RequestFactory {
  private final String userAgent;
  private final RequestHeaders headers;
  private final Netrc netrc;
  private final String cookieHeader;

  RequestFactory(DownloadSettings settings) {
    RequestSettings request = settings.request();
    this.userAgent = settings.userAgent();
    this.headers = request.headers();
    this.netrc = request.netrc();
    this.cookieHeader = request.cookieHeader();
  }

  /** The request for {@code url}, to be tagged and sent. */
  Request.Builder first(HttpUrl url) {
    Request.Builder builder = new Request.Builder().url(url).header("User-Agent", userAgent);
    String authorization = authorization(url);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (cookieHeader != null) {
      builder.header("Cookie", cookieHeader);
    }
    Set<String> seen = new HashSet<>();
    for (RequestHeaders.Header header : headers.sent()) {
      if (seen.add(header.name().toLowerCase(Locale.ROOT))) {
        builder.header(header.name(), header.value());
      } else {
        builder.addHeader(header.name(), header.value());
      }
    }
    for (String removed : headers.removed()) {
      builder.removeHeader(removed);
    }
    return builder;
  }

  /**
   * Basic authentication for {@code url}: its own user and password (curl: the URL wins), else
   * netrc's for its host and user, else its user with an empty password; null when none apply.
   * Encoded as UTF-8, the bytes curl sends.
   */
  private String authorization(HttpUrl url) {
    String user = url.username();
    String password = url.password();
    if (password.isEmpty()) {
      Netrc.Credentials found = netrc.lookup(url.host(), user);
      if (found != null) {
        return Credentials.basic(found.user(), found.password(), StandardCharsets.UTF_8);
      }
    }
    if (user.isEmpty() && password.isEmpty()) {
      return null;
    }
    return Credentials.basic(user, password, StandardCharsets.UTF_8);
  }
}
