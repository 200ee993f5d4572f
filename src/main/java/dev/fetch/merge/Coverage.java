package dev.fetch.merge;

import dev.fetch.input.InputReader;
import dev.fetch.input.Inputs;
import dev.fetch.input.Shard;
import dev.fetch.input.ShardBy;
import dev.fetch.input.UrlEntry;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Which indexes a merge should find, and how to say which shard failed to report one: the
 * indexes of the list ({@code --list}: read as a run reads it, streaming), of {@code --expect N}
 * (0 to N − 1), or, with neither, those below the largest reported (a missing tail cannot be
 * seen then). With the shard count the run was split into, each missing index is put down to
 * its shard: by index from the index alone, by host from the list's line. Immutable.
 */
public final class Coverage {
  private final long expected;
  private final Inputs list;
  private final Integer shardCount;
  private final ShardBy by;

  private Coverage(long expected, Inputs list, Integer shardCount, ShardBy by) {
    this.expected = expected;
    this.list = list;
    this.shardCount = shardCount;
    this.by = by;
  }

  /**
   * @param expected the URL count, or -1 when unknown
   * @param shardCount the number of shards the run was split into, or null
   * @throws IllegalArgumentException if shards dealt by host are to be named without a list
   */
  public static Coverage of(long expected, Integer shardCount, ShardBy by) {
    if (shardCount != null && by == ShardBy.HOST) {
      throw new IllegalArgumentException("naming the shard of a missing URL dealt out by host "
          + "needs its host: give --list, or --shard-by index if the run used it");
    }
    return new Coverage(expected, null, shardCount, by);
  }

  /** The indexes of {@code list}, counted now (one read of each file). */
  public static Coverage ofList(Inputs list, Integer shardCount, ShardBy by) {
    long count = list.countUrlLines();
    if (count < 0) {
      throw new IllegalArgumentException("--list " + list.names() + ": the list must be a "
          + "file");
    }
    return new Coverage(count, list, shardCount, by);
  }

  /** The URL count, or -1 when unknown. */
  long expected() {
    return expected;
  }

  /** Counts the indexes {@code table} lacks, saying which on {@code notes} (grouped by shard). */
  long missing(IndexTable table, Consumer<String> notes) {
    Map<Integer, long[]> counts = new TreeMap<>();
    Map<Integer, StringBuilder> named = new TreeMap<>();
    Consumer<UrlEntry> check = entry -> {
      int index = entry.index();
      if (table.rank(index) == Rank.NONE) {
        int shard = shardCount == null ? 0
            : entry.url() == null || by == ShardBy.INDEX ? Shard.ofIndex(index, shardCount)
            : Shard.of(entry, shardCount, by);
        long n = ++counts.computeIfAbsent(shard, s -> new long[1])[0];
        StringBuilder names = named.computeIfAbsent(shard, s -> new StringBuilder());
        if (n <= ResultsMerge.NAMED) {
          names.append(n == 1 ? "" : ", ").append(index);
        } else if (n == ResultsMerge.NAMED + 1) {
          names.append(", …");
        }
      }
    };
    if (list != null) {
      try (InputReader reader = list.open(InputStream.nullInputStream())) {
        reader.forEachRemaining(check);
      }
    } else {
      long end = expected >= 0 ? expected : table.end();
      for (int i = 0; i < end; i++) {
        check.accept(new UrlEntry(i, "", 0, "", null, "unknown"));
      }
    }
    long total = 0;
    for (Map.Entry<Integer, long[]> group : counts.entrySet()) {
      long n = group.getValue()[0];
      total += n;
      String shard = group.getKey() == 0 ? "" : "shard " + group.getKey() + "/" + shardCount
          + " missing: ";
      notes.accept(shard + number(n) + (n == 1 ? " URL" : " URLs") + " never reported (index"
          + (n == 1 ? " " : "es ") + named.get(group.getKey()) + ")");
    }
    if (total > 0 && expected < 0) {
      notes.accept("only gaps below the last index reported are seen: give --list or --expect "
          + "to check the end of the list too");
    }
    return total;
  }

  /** {@code 1,204}. */
  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
