package dev.fetch.merge;

/**
 * What a merge remembers per list index, in a few bytes each so that millions of indexes fit
 * in little memory: the rank of the best result seen ({@link Rank}), which line holds it (its
 * ordinal among every line of every file read), a hash of the URL first reported, and whether
 * the index was downloaded more than once or reported with two URLs. Storage comes in pages of
 * {@value #PAGE} indexes allocated on first use, so sparse or hostile indexes cost only the
 * pages they touch. Not thread-safe.
 */
final class IndexTable {
  static final int PAGE = 1 << 16;
  private static final int SHIFT = 16;

  /** Flag: a downloaded (or up to date) result has been seen. */
  static final byte DONE_SEEN = 1;
  /** Flag: two downloaded (or up to date) results: a genuine duplicate. */
  static final byte DUPLICATE = 2;
  /** Flag: reported with two different URLs. */
  static final byte CONFLICT = 4;

  private int[][] winners = new int[16][];
  private int[][] urlHashes = new int[16][];
  private byte[][] ranks = new byte[16][];
  private byte[][] flags = new byte[16][];
  /** One more than the largest index recorded; 0 when none. */
  private int end;

  /** The rank recorded for {@code index}: {@link Rank#NONE} when never reported. */
  int rank(int index) {
    byte[] page = page(ranks, index);
    return page == null ? Rank.NONE : page[index & (PAGE - 1)];
  }

  /** The ordinal of the line that won {@code index}; meaningful when its rank is not NONE. */
  int winner(int index) {
    return winners[index >>> SHIFT][index & (PAGE - 1)];
  }

  int flags(int index) {
    byte[] page = page(flags, index);
    return page == null ? 0 : page[index & (PAGE - 1)];
  }

  /** One more than the largest index recorded. */
  int end() {
    return end;
  }

  /**
   * Records the line {@code ordinal} reporting {@code index} with {@code rank} and a URL hashing
   * to {@code urlHash}: it wins if its rank is at least the best so far (the last of equals).
   */
  void record(int index, int rank, int ordinal, int urlHash) {
    int page = index >>> SHIFT;
    int at = index & (PAGE - 1);
    ensure(page);
    byte before = ranks[page][at];
    if (before == Rank.NONE) {
      urlHashes[page][at] = urlHash;
    } else if (urlHashes[page][at] != urlHash) {
      flags[page][at] |= CONFLICT;
    }
    if (rank == Rank.DONE) {
      if ((flags[page][at] & DONE_SEEN) != 0) {
        flags[page][at] |= DUPLICATE;
      }
      flags[page][at] |= DONE_SEEN;
    }
    if (rank >= before) {
      ranks[page][at] = (byte) rank;
      winners[page][at] = ordinal;
    }
    end = Math.max(end, index + 1);
  }

  private void ensure(int page) {
    if (page >= ranks.length) {
      int size = Math.max(page + 1, ranks.length * 2);
      winners = java.util.Arrays.copyOf(winners, size);
      urlHashes = java.util.Arrays.copyOf(urlHashes, size);
      ranks = java.util.Arrays.copyOf(ranks, size);
      flags = java.util.Arrays.copyOf(flags, size);
    }
    if (ranks[page] == null) {
      winners[page] = new int[PAGE];
      urlHashes[page] = new int[PAGE];
      ranks[page] = new byte[PAGE];
      flags[page] = new byte[PAGE];
    }
  }

  private static byte[] page(byte[][] pages, int index) {
    int page = index >>> SHIFT;
    return page < pages.length ? pages[page] : null;
  }
}
