package dev.fetch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.fetch.strategy.Mode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The interleaved, shuffled run order. */
class ScheduleTest {
  private static final Combination SEQ = new Combination(Mode.SEQUENTIAL, 1);
  private static final Combination T2 = new Combination(Mode.THREADS, 2);
  private static final Combination T8 = new Combination(Mode.THREADS, 8);

  private static List<String> labels(List<Slot> slots) {
    return slots.stream().map(s -> s.combination().label() + (s.warmup() ? "*" : ""))
        .collect(Collectors.toList());
  }

  /** java.util.Random and Collections.shuffle are specified exactly, so this order is stable. */
  @Test
  void aFixedSeedGivesAFixedOrder() {
    List<Slot> slots = Schedule.of(List.of(SEQ, T2, T8), 1, 2, 42);

    assertEquals(List.of(
        "threads:2*", "sequential:1*", "threads:8*",
        "threads:2", "threads:8", "sequential:1",
        "threads:8", "threads:2", "sequential:1"), labels(slots));
    assertEquals(labels(slots), labels(Schedule.of(List.of(SEQ, T2, T8), 1, 2, 42)));
  }

  @Test
  void everyRoundRunsEveryCombinationOnceWarmUpsFirst() {
    List<Slot> slots = Schedule.of(List.of(SEQ, T2, T8), 2, 5, 7);

    assertEquals(21, slots.size());
    for (int round = 0; round < 7; round++) {
      List<Slot> roundSlots = slots.subList(round * 3, round * 3 + 3);
      assertEquals(3, roundSlots.stream().map(Slot::combination).distinct().count());
      boolean warm = round < 2;
      roundSlots.forEach(s -> assertEquals(warm, s.warmup()));
    }
    assertNotEquals(labels(slots), labels(Schedule.of(List.of(SEQ, T2, T8), 2, 5, 8)),
        "another seed, another order");
  }
}
