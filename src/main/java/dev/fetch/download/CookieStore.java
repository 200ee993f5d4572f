package dev.fetch.download;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cookies of one run: those loaded with {@code -b FILE} and those servers set during the
 * run, sent back with every later request they match (curl's cookie engine). One store serves
 * every worker of a run; in {@code processes} mode each worker JVM keeps a copy that the parent
 * brings up to date with each task, and the worker reports what it received with each result
 * ({@link #changesSince}). Two stores made {@linkplain #of from} the same cookies are alike at
 * version 0.
 *
 * <p>A cookie replaces the one with the same {@linkplain NetscapeCookie#key() domain, path and
 * name}; an expired one deletes it. Deleted cookies are kept as expired entries so that the
 * deletion travels in {@link #changesSince}, but are never sent nor listed by {@link #all}. At
 * most {@value #MAX_COOKIES} cookies beyond those loaded are kept: once full, cookies under new
 * names are dropped (a hostile server cannot exhaust memory). Expiry is judged on the injected clock.
 *
 * <p>Thread-safe: every method is atomic under the store's lock, which is never held across I/O.
 * A store that is {@linkplain #off() off} (neither {@code -b} nor {@code -c}) keeps nothing.
 */
public final class CookieStore {
  /** The most cookies a run keeps. */
  public static final int MAX_COOKIES = 10_000;

  private final Clock clock;
  private final boolean enabled;
  /** The most cookies kept: the loaded ones and {@link #MAX_COOKIES} more. */
  private final long limit;
  /** By key; guarded by {@code this}. */
  private final Map<String, Entry> cookies = new HashMap<>();
  /** Key by the version that last changed it; guarded by {@code this}. */
  private final TreeMap<Long, String> changes = new TreeMap<>();
  /** Guarded by {@code this}. */
  private long version;
  /** How many cookies were ever added, for their order; guarded by {@code this}. */
  private long added;

  private record Entry(NetscapeCookie cookie, long version, long order) {}

  /** The cookies changed after a version, and the version they bring a copy up to. */
  public record Changes(List<NetscapeCookie> cookies, long version) {}

  private CookieStore(Clock clock, boolean enabled, long loaded) {
    this.clock = clock;
    this.enabled = enabled;
    this.limit = MAX_COOKIES + loaded;
  }

  /** No cookie engine: nothing is kept or sent. */
  public static CookieStore off() {
    return new CookieStore(Clock.systemUTC(), false, 0);
  }

  /** A cookie engine that starts with {@code initial}, judging expiry by {@code clock}. */
  public static CookieStore of(List<NetscapeCookie> initial, Clock clock) {
    CookieStore store = new CookieStore(clock, true, initial.size());
    synchronized (store) {
      initial.forEach(cookie -> store.store(cookie, false));
    }
    return store;
  }

  /** Whether this store keeps cookies at all. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Stores {@code cookie}, replacing the one with its key; an expired cookie deletes it.
   *
   * @return false when it was dropped: the store is off, or full and the key is new
   */
  public synchronized boolean put(NetscapeCookie cookie) {
    return enabled && store(cookie, true);
  }

  /** Stores as {@link #put}; {@code change}: as a new version (else part of version 0). */
  private boolean store(NetscapeCookie cookie, boolean change) {
    String key = cookie.key();
    Entry old = cookies.get(key);
    if (old == null && cookies.size() >= limit) {
      return false;
    }
    if (old != null) {
      changes.remove(old.version());
    }
    long at = change ? ++version : 0;
    cookies.put(key, new Entry(cookie, at, old == null ? ++added : old.order()));
    if (change) {
      changes.put(at, key);
    }
    return true;
  }

  /**
   * The cookies to send to {@code host} at {@code path}, longest path first, then oldest first
   * (RFC 6265 §5.4).
   */
  public synchronized List<NetscapeCookie> matching(String host, String path, boolean https) {
    if (cookies.isEmpty()) {
      return List.of();
    }
    long now = clock.instant().getEpochSecond();
    List<Entry> found = new ArrayList<>();
    for (Entry entry : cookies.values()) {
      if (!entry.cookie().expiredAt(now) && entry.cookie().matches(host, path, https)) {
        found.add(entry);
      }
    }
    found.sort(Comparator.comparingInt((Entry e) -> -e.cookie().path().length())
        .thenComparingLong(Entry::order));
    List<NetscapeCookie> result = new ArrayList<>(found.size());
    found.forEach(e -> result.add(e.cookie()));
    return result;
  }

  /** Every cookie not expired now, oldest first: what {@code -c} writes. */
  public synchronized List<NetscapeCookie> all() {
    long now = clock.instant().getEpochSecond();
    List<Entry> live = new ArrayList<>();
    for (Entry entry : cookies.values()) {
      if (!entry.cookie().expiredAt(now)) {
        live.add(entry);
      }
    }
    live.sort(Comparator.comparingLong(Entry::order));
    List<NetscapeCookie> result = new ArrayList<>(live.size());
    live.forEach(e -> result.add(e.cookie()));
    return result;
  }

  /** The version of the latest change; 0 before any (the initial cookies are version 0). */
  public synchronized long version() {
    return version;
  }

  /**
   * Every cookie stored or deleted after {@code since} (deletions as expired cookies), oldest
   * change first, and the version that brings a copy up to date.
   */
  public synchronized Changes changesSince(long since) {
    List<NetscapeCookie> changed = new ArrayList<>();
    for (String key : changes.tailMap(since, false).values()) {
      changed.add(cookies.get(key).cookie());
    }
    return new Changes(changed, version);
  }
}
