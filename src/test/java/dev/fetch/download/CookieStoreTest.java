package dev.fetch.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookieStoreTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private static NetscapeCookie cookie(String path, String name, String value, long expires) {
    return new NetscapeCookie("a.test", false, path, false, false, expires, name, value);
  }

  @Test
  void aCookieReplacesTheOneWithItsKeyAndAnExpiredOneDeletesIt() {
    CookieStore store = CookieStore.of(List.of(cookie("/", "a", "1", 0),
        cookie("/", "b", "1", 0)), clock);

    store.put(cookie("/", "a", "2", 0));
    store.put(cookie("/", "b", "", 1));

    assertEquals(List.of(cookie("/", "a", "2", 0)), store.all());
  }

  @Test
  void matchingSendsLongerPathsFirstAndSkipsExpiredCookies() {
    CookieStore store = CookieStore.of(List.of(cookie("/", "root", "1", 0),
        cookie("/docs", "docs", "1", 0), cookie("/", "old", "1", NOW.getEpochSecond())), clock);

    assertEquals(List.of("docs=1", "root=1"), store.matching("a.test", "/docs/x", false)
        .stream().map(NetscapeCookie::pair).toList());
  }

  @Test
  void changesSinceAVersionCarryStoresAndDeletionsButNotTheInitialCookies() {
    CookieStore store = CookieStore.of(List.of(cookie("/", "a", "1", 0)), clock);
    assertEquals(new CookieStore.Changes(List.of(), 0), store.changesSince(0));

    store.put(cookie("/", "b", "1", 0));
    long seen = store.version();
    store.put(cookie("/", "c", "1", 0));
    store.put(cookie("/", "a", "", 1));

    CookieStore.Changes changes = store.changesSince(seen);
    assertEquals(List.of(cookie("/", "c", "1", 0), cookie("/", "a", "", 1)), changes.cookies());
    assertEquals(3, changes.version());

    CookieStore copy = CookieStore.of(List.of(cookie("/", "a", "1", 0)), clock);
    store.changesSince(0).cookies().forEach(copy::put);
    assertEquals(store.all(), copy.all(), "a copy brought up to date holds the same cookies");
  }

  @Test
  void aFullStoreDropsNewCookiesButStillReplacesKnownOnes() {
    CookieStore store = CookieStore.of(List.of(), clock);
    for (int i = 0; i < CookieStore.MAX_COOKIES; i++) {
      assertTrue(store.put(cookie("/", "c" + i, "1", 0)));
    }

    assertFalse(store.put(cookie("/", "one-too-many", "1", 0)));
    assertTrue(store.put(cookie("/", "c0", "2", 0)));
    assertEquals(CookieStore.MAX_COOKIES, store.all().size());
  }

  @Test
  void loadedCookiesDoNotCountAgainstTheLimit() {
    List<NetscapeCookie> loaded = new java.util.ArrayList<>();
    for (int i = 0; i < CookieStore.MAX_COOKIES + 5; i++) {
      loaded.add(cookie("/", "l" + i, "1", 0));
    }
    CookieStore store = CookieStore.of(loaded, clock);

    assertTrue(store.put(cookie("/", "received", "1", 0)));
    assertEquals(CookieStore.MAX_COOKIES + 6, store.all().size());
  }

  @Test
  void aStoreThatIsOffKeepsNothing() {
    CookieStore store = CookieStore.off();

    assertFalse(store.put(cookie("/", "a", "1", 0)));
    assertEquals(List.of(), store.matching("a.test", "/", false));
  }
}
