package dev.fetch.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order of a comparison's runs: rounds of every combination once, each round shuffled, warm-up
 * rounds first. Interleaving spreads the machine's drift (a busy moment, a warming cache) over
 * every combination instead of favouring whichever ran first. The same seed gives the same order.
 */
public final class Schedule {
  private Schedule() {}

  public static List<Slot> of(List<Combination> combinations, int warmup, int runs, long seed) {
    Random random = new Random(seed);
    List<Slot> slots = new ArrayList<>();
    for (int round = 0; round < warmup + runs; round++) {
      List<Combination> order = new ArrayList<>(combinations);
      Collections.shuffle(order, random);
      for (Combination c : order) {
        slots.add(new Slot(c, round < warmup));
      }
    }
    return slots;
  }
}
