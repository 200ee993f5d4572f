package dev.fetch.input;

import java.util.Objects;

/**
 * One shard of a list: the part one machine downloads when a run is split over {@code count}
 * machines ({@code --shard K/N}). Numbered as test runners number them (Playwright, Jest):
 * {@code number} counts from 1 to {@code count}. Every entry of a list belongs to exactly one
 * shard of any count, decided by the entry alone ({@link ShardBy}); indexes stay the positions in
 * the whole list. Immutable.
 *
 * @param number 1 to {@code count}
 * @param count how many shards, at least 1
 * @param by how entries are dealt out
 */
public record Shard(int number, int count, ShardBy by) {
  /** The most shards a list may be cut into. */
  public static final int MAX_COUNT = 1_000_000;

  public Shard {
    Objects.requireNonNull(by, "by");
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("the shard count must be between 1 and " + MAX_COUNT
          + ", not " + count);
    }
    if (number < 1 || number > count) {
      throw new IllegalArgumentException("shards are numbered from 1 to " + count + ", not "
          + number);
    }
  }

  /**
   * Reads {@code K/N}: digits, a slash, digits.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Shard parse(String text, ShardBy by) {
    int slash = text.indexOf('/');
    if (slash < 0 || !text.substring(0, slash).matches("[0-9]{1,9}")
        || !text.substring(slash + 1).matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException("expected K/N (shard K of N, counted from 1), or auto");
    }
    return new Shard(Integer.parseInt(text.substring(0, slash)),
        Integer.parseInt(text.substring(slash + 1)), by);
  }

  /** Whether {@code entry} is this shard's. */
  public boolean includes(UrlEntry entry) {
    return by.shardOf(entry, count) == number - 1;
  }

  /** The 1-based shard of {@code entry} among {@code count} shards dealt out {@code by}. */
  public static int of(UrlEntry entry, int count, ShardBy by) {
    return by.shardOf(entry, count) + 1;
  }

  /** The 1-based shard of the entry at {@code index} among {@code count} dealt out by index. */
  public static int ofIndex(int index, int count) {
    return Math.floorMod(index, count) + 1;
  }

  /** {@code 3/8}. */
  @Override
  public String toString() {
    return number + "/" + count;
  }
}
