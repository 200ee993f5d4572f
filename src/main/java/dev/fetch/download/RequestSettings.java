package dev.fetch.download;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How each request of a run is made, beyond the connection: curl's request options, part of the
 * run's one {@link DownloadSettings} (and so sent whole to worker JVMs). Everything here was read
 * and checked before the first request: the files named by options are already parsed.
 *
 * @param headers {@code -H/--header}
 * @param netrc the credentials of {@code --netrc} or {@code --netrc-file}, or none
 * @param cookies the cookies loaded with {@code -b FILE}, in file order
 * @param cookieHeader the {@code -b NAME=VALUE; …} strings, joined with {@code "; "}, sent as a
 *     {@code Cookie} header with every URL (never to another origin on a redirect); or null
 * @param cookieEngine whether cookies servers set are kept and sent back (on with any
 *     {@code -b} or {@code -c})
 * @param cookieJar where {@code -c/--cookie-jar} writes the cookies at the end, or null
 * @param maxRedirects the most redirects followed for one URL ({@code --max-redirects}); 0 follows
 *     none
 * @param rateLimit the run's total bandwidth in bytes per second ({@code --limit-rate}), 0 for no
 *     limit
 */
public record RequestSettings(RequestHeaders headers, Netrc netrc, List<NetscapeCookie> cookies,
    String cookieHeader, boolean cookieEngine, Path cookieJar, int maxRedirects, long rateLimit) {

  /** OkHttp's own limit, which fetch keeps as its default. */
  public static final int DEFAULT_MAX_REDIRECTS = 20;
  private static final RequestSettings DEFAULTS = new RequestSettings(RequestHeaders.none(),
      Netrc.none(), List.of(), null, false, null, DEFAULT_MAX_REDIRECTS, 0);

  public RequestSettings {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(netrc, "netrc");
    cookies = List.copyOf(cookies);
    if (maxRedirects < 0 || rateLimit < 0) {
      throw new IllegalArgumentException("maxRedirects and rateLimit must be >= 0");
    }
    if (cookieJar != null && !cookieEngine) {
      throw new IllegalArgumentException("a cookie jar needs the cookie engine");
    }
    if (cookieHeader != null) {
      for (int i = 0; i < cookieHeader.length(); i++) {
        char c = cookieHeader.charAt(i);
        if (c != '\t' && (c < 0x20 || c > 0x7e)) {
          throw new IllegalArgumentException(String.format("character %d of the cookies is "
              + "U+%04X; a Cookie header is printable ASCII", i + 1, (int) c));
        }
      }
    }
  }

  /** No headers, credentials or cookies; 20 redirects; no rate limit. */
  public static RequestSettings defaults() {
    return DEFAULTS;
  }

  public RequestSettings withHeaders(RequestHeaders headers) {
    return new RequestSettings(headers, netrc, cookies, cookieHeader, cookieEngine, cookieJar,
        maxRedirects, rateLimit);
  }

  public RequestSettings withNetrc(Netrc netrc) {
    return new RequestSettings(headers, netrc, cookies, cookieHeader, cookieEngine, cookieJar,
        maxRedirects, rateLimit);
  }

  /** These settings with the cookie options: loaded cookies, header, engine and jar. */
  public RequestSettings withCookies(List<NetscapeCookie> cookies, String cookieHeader,
      boolean cookieEngine, Path cookieJar) {
    return new RequestSettings(headers, netrc, cookies, cookieHeader, cookieEngine, cookieJar,
        maxRedirects, rateLimit);
  }

  public RequestSettings withMaxRedirects(int maxRedirects) {
    return new RequestSettings(headers, netrc, cookies, cookieHeader, cookieEngine, cookieJar,
        maxRedirects, rateLimit);
  }

  public RequestSettings withRateLimit(long rateLimit) {
    return new RequestSettings(headers, netrc, cookies, cookieHeader, cookieEngine, cookieJar,
        maxRedirects, rateLimit);
  }

  /**
   * These settings for one of {@code workers} worker processes: its share of the rate limit,
   * {@code rateLimit / workers} (at least 1 byte per second), so the run's total stays within it.
   */
  public RequestSettings shareOf(int workers) {
    return rateLimit == 0 ? this : withRateLimit(Math.max(1, rateLimit / workers));
  }

  /** Names what is set, never a header value, cookie, or password. */
  @Override
  public String toString() {
    return "RequestSettings[headers=" + headers + ", netrc=" + netrc + ", cookies=" + cookies
        + ", cookieHeader=" + (cookieHeader == null ? "none" : "***") + ", cookieEngine="
        + cookieEngine + ", cookieJar=" + cookieJar + ", maxRedirects=" + maxRedirects
        + ", rateLimit=" + rateLimit + "]";
  }
}
