package dev.fetch.input;

import java.util.Locale;

/**
 * How the URLs of a list are dealt out to shards ({@code --shard-by}). Each constant computes
 * the 0-based shard of an entry from the entry alone, so every machine given the same list and
 * the same count agrees, whatever else differs between them.
 */
public enum ShardBy {
  /**
   * By a hash of the URL's host (FNV-1a, 64 bits, of the lower-case host as OkHttp normalises
   * it): every URL of a host goes to one shard, so {@code --per-host} still holds across
   * machines. A line that is not a URL has no host and goes by its index.
   */
  HOST {
    @Override
    int shardOf(UrlEntry entry, int count) {
      if (entry.url() == null) {
        return INDEX.shardOf(entry, count);
      }
      return (int) Long.remainderUnsigned(fnv1a(entry.url().host()), count);
    }
  },
  /** By position in the whole list: index modulo the count. For lists of one host. */
  INDEX {
    @Override
    int shardOf(UrlEntry entry, int count) {
      return Shard.ofIndex(entry.index(), count) - 1;
    }
  };

  /** The 0-based shard of {@code entry} among {@code count}. */
  abstract int shardOf(UrlEntry entry, int count);

  /** FNV-1a over the UTF-16 code units of {@code text}, folded to bytes (hosts are ASCII). */
  static long fnv1a(String text) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      hash ^= c & 0xff;
      hash *= 0x100000001b3L;
      if (c > 0xff) {
        hash ^= c >>> 8;
        hash *= 0x100000001b3L;
      }
    }
    // Spread the low bits, which the remainder reads, over the whole hash.
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
