package dev.fetch.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A set of URLs kept as 128-bit hashes, each with one flag (done or not): what {@link DoneUrls}
 * needs to remember about a journal of a million URLs in tens of megabytes instead of the
 * hundreds a {@code HashMap<String, Boolean>} would take.
 *
 * <p>Each URL is hashed with SHA-256 of its UTF-8 bytes, of which 126 bits are kept (the chance
 * that two of a million URLs share them is about 10<sup>-26</sup>): the rest is the flag and the
 * mark of a used slot. Open addressing with linear probing in two {@code long} arrays, doubled
 * when half full. {@link #put} is for one thread; once filled, {@link #flag} may be called from
 * any thread (each thread hashes with its own digest).
 */
final class UrlHashTable {
  private static final long USED = Long.MIN_VALUE;
  private static final long FLAG = 1L;
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(
      UrlHashTable::sha256);

  private long[] high = new long[1024];
  private long[] low = new long[1024];
  private int size;

  /** Records {@code url} with {@code flag}, replacing the flag it had. */
  void put(String url, boolean flag) {
    long[] key = hash(url);
    if ((size + 1) * 2L > high.length) {
      grow();
    }
    int slot = find(high, low, key[0], key[1]);
    if (high[slot] == 0) {
      size++;
      high[slot] = key[0];
    }
    low[slot] = flag ? key[1] | FLAG : key[1];
  }

  /** The flag {@code url} was last put with, or null if it never was. */
  Boolean flag(String url) {
    long[] key = hash(url);
    int slot = find(high, low, key[0], key[1]);
    return high[slot] == 0 ? null : (low[slot] & FLAG) != 0;
  }

  /** How many URLs were recorded. */
  int size() {
    return size;
  }

  /** How many of them have the flag set. */
  int countFlagged() {
    int count = 0;
    for (int i = 0; i < high.length; i++) {
      if (high[i] != 0 && (low[i] & FLAG) != 0) {
        count++;
      }
    }
    return count;
  }

  /** The slot holding the key, or the empty one where it belongs. */
  private static int find(long[] high, long[] low, long keyHigh, long keyLow) {
    int mask = high.length - 1;
    int slot = (int) (keyLow >>> 1) & mask;
    while (high[slot] != 0
        && (high[slot] != keyHigh || (low[slot] & ~FLAG) != keyLow)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] newHigh = new long[high.length * 2];
    long[] newLow = new long[low.length * 2];
    for (int i = 0; i < high.length; i++) {
      if (high[i] != 0) {
        int slot = find(newHigh, newLow, high[i], low[i] & ~FLAG);
        newHigh[slot] = high[i];
        newLow[slot] = low[i];
      }
    }
    high = newHigh;
    low = newLow;
  }

  /** 126 bits of the URL's SHA-256: the high word marked used, the low word's flag bit clear. */
  private static long[] hash(String url) {
    byte[] digest = SHA_256.get().digest(url.getBytes(StandardCharsets.UTF_8));
    return new long[] {word(digest, 0) | USED, word(digest, 8) & ~FLAG};
  }

  private static long word(byte[] bytes, int from) {
    long word = 0;
    for (int i = from; i < from + 8; i++) {
      word = word << 8 | (bytes[i] & 0xff);
    }
    return word;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
