package dev.fetch.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * The order of a comparison's runs: rounds of every combination once, each round shuffled, warm-up
 * rounds first. Interleaving spreads the machine's drift (a busy moment, a warming cache) over
 * every combination instead of favouring whichever ran first. The same seed gives the same order.
 *
 * <p>Lazy: a round is shuffled when the iteration reaches it, so a long schedule holds one round
 * in memory, not every slot. Each {@link #iterator()} starts again from the seed and gives the
 * same order. Immutable; an iterator is for one thread.
 */
public final class Schedule implements Iterable<Slot> {
  private final List<Combination> combinations;
  private final int warmup;
  private final int runs;
  private final long seed;

  private Schedule(List<Combination> combinations, int warmup, int runs, long seed) {
    this.combinations = List.copyOf(combinations);
    this.warmup = warmup;
    this.runs = runs;
    this.seed = seed;
  }

  /**
   * @param warmup rounds of warm-ups, at least 0
   * @param runs measured rounds, at least 0
   */
  public static Schedule of(List<Combination> combinations, int warmup, int runs, long seed) {
    if (warmup < 0 || runs < 0) {
      throw new IllegalArgumentException("warmup and runs must be at least 0");
    }
    return new Schedule(combinations, warmup, runs, seed);
  }

  /** How many slots: rounds times combinations, in {@code long} so it never overflows. */
  public long size() {
    return ((long) warmup + runs) * combinations.size();
  }

  @Override
  public Iterator<Slot> iterator() {
    return new Iterator<>() {
      private final Random random = new Random(seed);
      private final long rounds = (long) warmup + runs;
      private long round = -1;
      private List<Combination> order = List.of();
      private int next;

      @Override
      public boolean hasNext() {
        return next < order.size() || (round + 1 < rounds && !combinations.isEmpty());
      }

      @Override
      public Slot next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (next == order.size()) {
          round++;
          List<Combination> shuffled = new ArrayList<>(combinations);
          Collections.shuffle(shuffled, random);
          order = shuffled;
          next = 0;
        }
        return new Slot(order.get(next++), round < warmup);
      }
    };
  }
}
