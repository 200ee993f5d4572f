package dev.fetch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fetch.strategy.Mode;
import dev.fetch.testing.FakeRunExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one benchmark loop of compare and demo, on a fake executor. */
class BenchmarkTest {
  private static final Combination SEQ = new Combination(Mode.SEQUENTIAL, 1);
  private static final Combination T4 = new Combination(Mode.THREADS, 4);
  private static final Environment ENV = new Environment("0.1.0", 2, 1L << 30, "17 (Test)",
      "Linux test", "2026-11-24T12:00:00Z");
  private static final ComparePlan PLAN = ComparePlan.builder().list("list.txt", 8)
      .combinations(List.of(SEQ, T4)).runs(2).warmup(1).seed(42).build();

  private static FakeRunExecutor fake() {
    return new FakeRunExecutor(8).times(SEQ, 3.0, 2.0, 2.2).times(T4, 3.0, 0.5, 0.6);
  }

  @Test
  void runsTheScheduleInOrderAndTellsTheListenerAfterEveryRun() throws InterruptedException {
    FakeRunExecutor fake = fake();
    List<String> heard = new ArrayList<>();
    Comparison comparison = new Benchmark(fake, ENV).run(PLAN, (run, total, soFar) ->
        heard.add(run.sequence() + "/" + total + " " + run.combination() + " "
            + soFar.get().results().stream().mapToInt(r -> r.runs().size()).sum()));

    List<Slot> planned = new ArrayList<>();
    PLAN.schedule().forEach(planned::add);
    assertEquals(planned, fake.ran(), "the plan's schedule, in order");
    assertEquals(6, heard.size());
    for (int i = 0; i < 6; i++) {
      assertEquals(i + "/6 " + planned.get(i).combination() + " " + (i + 1), heard.get(i),
          "each run heard once, with the comparison so far");
    }
    assertEquals(Analysis.of(PLAN, ENV, comparison.results().stream()
        .flatMap(r -> r.runs().stream())
        .sorted((a, b) -> Integer.compare(a.sequence(), b.sequence()))
        .collect(Collectors.toList())), comparison);
    assertEquals(2.1, comparison.result(SEQ).time().mean(), 1e-9);
  }

  @Test
  void cancelStopsBeforeTheNextRunAndCancelsTheExecutor() {
    FakeRunExecutor fake = fake();
    AtomicInteger cancels = new AtomicInteger();
    RunExecutor executor = new RunExecutor() {
      @Override
      public RunRecord run(Slot slot, int sequence) {
        return fake.run(slot, sequence);
      }

      @Override
      public void cancel() {
        cancels.incrementAndGet();
      }
    };
    Benchmark benchmark = new Benchmark(executor, ENV);

    assertThrows(InterruptedException.class, () -> benchmark.run(PLAN, (run, total, soFar) -> {
      if (run.sequence() == 1) {
        benchmark.cancel();
      }
    }));
    assertEquals(2, fake.ran().size(), "no run after the cancel");
    assertEquals(1, cancels.get(), "the run in progress is the executor's to stop");
  }
}
