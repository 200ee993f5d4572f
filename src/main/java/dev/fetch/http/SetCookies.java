package dev.fetch.http;

import dev.fetch.download.CookieStore;
import dev.fetch.download.NetscapeCookie;
import dev.fetch.download.Urls;
import dev.fetch.log.Diagnostics;
import java.time.Clock;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * Stores the cookies a response sets in the run's {@link CookieStore}. OkHttp parses each
 * {@code Set-Cookie} ({@link Cookie#parseAll}: RFC 6265 dates, a domain that must match the URL
 * and is no public suffix); a cookie that expires now or earlier deletes the stored one. Like
 * curl, at most {@value #MAX_PER_RESPONSE} cookies of one response are taken; a cookie whose
 * name and value together exceed {@value #MAX_SIZE} characters, or that cannot be written to a
 * cookie file or sent back in a header (a tab, a non-ASCII character), is ignored with a
 * {@code -v} line that names it, never its value. Thread-safe.
 */
final class SetCookies {
  static final int MAX_PER_RESPONSE = 50;
  static final int MAX_SIZE = 4096;

  private final CookieStore store;
  private final Clock clock;
  private final Diagnostics log;

  SetCookies(CookieStore store, Clock clock, Diagnostics log) {
    this.store = store;
    this.clock = clock;
    this.log = log;
  }

  /** Stores what {@code response} sets, if the cookie engine is on. */
  void receive(Response response) {
    if (!store.enabled() || response.header("Set-Cookie") == null) {
      return;
    }
    HttpUrl url = response.request().url();
    List<Cookie> cookies = Cookie.parseAll(url, response.headers());
    int taken = 0;
    for (Cookie cookie : cookies) {
      if (taken++ == MAX_PER_RESPONSE) {
        log.debug(() -> Urls.redact(url) + ": ignored " + (cookies.size() - MAX_PER_RESPONSE)
            + " cookies beyond " + MAX_PER_RESPONSE + " in one response");
        return;
      }
      NetscapeCookie stored = stored(cookie);
      if (stored == null || !store.put(stored)) {
        log.debug(() -> Urls.redact(url) + ": ignored cookie " + cookie.name()
            + (stored == null ? " (too long, or cannot be stored)" : " (the store is full)"));
      }
    }
  }

  /** {@code cookie} as it is stored and written, or null if it cannot be. */
  private NetscapeCookie stored(Cookie cookie) {
    if (cookie.name().length() + cookie.value().length() > MAX_SIZE) {
      return null;
    }
    long expires;
    if (!cookie.persistent()) {
      expires = 0;
    } else if (cookie.expiresAt() <= clock.millis()) {
      expires = 1; // long gone: a deletion
    } else {
      expires = Math.max(1, Math.floorDiv(cookie.expiresAt() + 999, 1000));
    }
    try {
      return new NetscapeCookie(cookie.domain(), !cookie.hostOnly(), cookie.path(),
          cookie.secure(), cookie.httpOnly(), expires, cookie.name(), cookie.value());
    } catch (IllegalArgumentException unstorable) {
      return null;
    }
  }
}
