package dev.fetch.engine;

/**
 * A set of URLs kept as 128-bit hashes, each with one flag (done or not): what {@link DoneUrls}
 * needs to remember about a journal of a million URLs in tens of megabytes instead of the
 * hundreds a {@code HashMap<String, Boolean>} would take.
 *
 * <p>Each URL is hashed to 128 bits ({@link #hash}), of which 126 are kept (the chance that two
 * of a million URLs share them is about 10<sup>-26</sup>): the other two are the flag and the
 * mark of a used slot. Open addressing with linear probing in two {@code long} arrays, doubled
 * when half full: 32 MB for a million URLs. {@link #put} is for one thread; once filled,
 * {@link #flag} may be called from any thread.
 */
final class UrlHashTable {
  private static final long USED = Long.MIN_VALUE;
  private static final long FLAG = 1L;
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5852dc2e37f93L;
  private static final long SEED = 0x6665746368L; // "fetch"

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

  /**
   * 126 bits of the URL's 128-bit hash: the high word marked used, the low word's flag bit clear.
   * MurmurHash3's x64 128-bit construction over the string's UTF-16 code units, four to a word:
   * no allocation, and fast even where only the C1 compiler runs (SHA-256 was five times slower
   * there, for no gain: nobody is attacking their own journal).
   */
  static long[] hash(String url) {
    int length = url.length();
    long h1 = SEED ^ length;
    long h2 = ~SEED ^ length;
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      h1 ^= mixFirst(word(url, i, 4));
      h1 = Long.rotateLeft(h1, 27) + h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixSecond(word(url, i + 4, 4));
      h2 = Long.rotateLeft(h2, 31) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int rest = length - i;
    if (rest > 4) {
      h2 ^= mixSecond(word(url, i + 4, rest - 4));
    }
    if (rest > 0) {
      h1 ^= mixFirst(word(url, i, Math.min(rest, 4)));
    }
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = finish(h1);
    h2 = finish(h2);
    h1 += h2;
    h2 += h1;
    return new long[] {h1 | USED, h2 & ~FLAG};
  }

  /** {@code count} (1 to 4) UTF-16 code units of {@code text} from {@code from}, in one word. */
  private static long word(String text, int from, int count) {
    long word = 0;
    for (int i = count - 1; i >= 0; i--) {
      word = word << 16 | text.charAt(from + i);
    }
    return word;
  }

  private static long mixFirst(long k) {
    return Long.rotateLeft(k * C1, 31) * C2;
  }

  private static long mixSecond(long k) {
    return Long.rotateLeft(k * C2, 33) * C1;
  }

  private static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
