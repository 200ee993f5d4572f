package dev.fetch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.strategy.Mode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The interleaved, shuffled run order. */
class ScheduleTest {
  private static final Combination SEQ = new Combination(Mode.SEQUENTIAL, 1);
  private static final Combination T2 = new Combination(Mode.THREADS, 2);
  private static final Combination T8 = new Combination(Mode.THREADS, 8);

  private static List<Slot> slots(Schedule schedule) {
    List<Slot> slots = new ArrayList<>();
    schedule.forEach(slots::add);
    assertEquals(schedule.size(), slots.size());
    return slots;
  }

  private static List<String> labels(Schedule schedule) {
    return slots(schedule).stream().map(s -> s.combination().label() + (s.warmup() ? "*" : ""))
        .collect(Collectors.toList());
  }

  /** java.util.Random and Collections.shuffle are specified exactly, so this order is stable. */
  @Test
  void aFixedSeedGivesAFixedOrder() {
    Schedule schedule = Schedule.of(List.of(SEQ, T2, T8), 1, 2, 42);

    assertEquals(List.of(
        "threads:2*", "sequential:1*", "threads:8*",
        "threads:2", "threads:8", "sequential:1",
        "threads:8", "threads:2", "sequential:1"), labels(schedule));
    assertEquals(labels(schedule), labels(schedule), "each iteration starts from the seed");
    assertEquals(labels(schedule), labels(Schedule.of(List.of(SEQ, T2, T8), 1, 2, 42)));
  }

  @Test
  void everyRoundRunsEveryCombinationOnceWarmUpsFirst() {
    Schedule schedule = Schedule.of(List.of(SEQ, T2, T8), 2, 5, 7);
    List<Slot> slots = slots(schedule);

    assertEquals(21, slots.size());
    for (int round = 0; round < 7; round++) {
      List<Slot> roundSlots = slots.subList(round * 3, round * 3 + 3);
      assertEquals(3, roundSlots.stream().map(Slot::combination).distinct().count());
      boolean warm = round < 2;
      roundSlots.forEach(s -> assertEquals(warm, s.warmup()));
    }
    assertNotEquals(labels(schedule), labels(Schedule.of(List.of(SEQ, T2, T8), 2, 5, 8)),
        "another seed, another order");
  }

  /** The size is a long and nothing is built up front: the largest schedule costs nothing. */
  @Test
  void aHugeScheduleIsLazyAndItsSizeDoesNotOverflow() {
    Schedule huge = Schedule.of(List.of(SEQ, T2, T8), Integer.MAX_VALUE, Integer.MAX_VALUE, 1);

    assertEquals(3L * 2 * Integer.MAX_VALUE, huge.size());
    Iterator<Slot> slots = huge.iterator();
    for (int i = 0; i < 3; i++) {
      assertTrue(slots.next().warmup());
    }
    assertTrue(slots.hasNext());
  }
}
