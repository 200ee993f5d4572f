package dev.fetch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.strategy.Mode;
import dev.fetch.testing.FakeRunExecutor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four forms of a gate, read and judged on scripted times. */
class RequirementTest {
  private static final Combination SEQ = new Combination(Mode.SEQUENTIAL, 1);
  private static final Combination THREADS = new Combination(Mode.THREADS, 4);
  private static final Combination ASYNC = new Combination(Mode.ASYNC, 4);
  private static final List<Combination> ALL = List.of(SEQ, THREADS, ASYNC);
  private static final Environment ENV = new Environment("0.1.0", 2, 1L << 30, "17", "Linux",
      "2026-11-24T12:00:00Z");

  @Test
  void readsEveryForm() {
    assertEquals(GateForm.AT_LEAST, Requirement.parse("threads:4 >= 2x sequential").form());
    assertEquals(GateForm.AT_LEAST, Requirement.parse("threads>=2.5xsequential").form());
    assertEquals(GateForm.FASTER, Requirement.parse("threads faster than sequential").form());
    assertEquals(GateForm.NOT_SLOWER, Requirement.parse("Async NOT slower than threads").form());
    assertEquals(GateForm.WITHIN, Requirement.parse("async within 5% of threads").form());
    Requirement r = Requirement.parse("  async:4 within 2.5 % of threads:4 ").resolve(ALL);
    assertEquals("async:4 within 2.5 % of threads:4", r.text());
    assertEquals(ASYNC, r.a());
    assertEquals(THREADS, r.b());
  }

  @Test
  void refusesWhatIsNoGate() {
    for (String text : List.of("threads faster", "threads >= 0x sequential",
        "threads within 0% of async", "threads within 100% of async", "threads > 2x seq",
        "threads slower than sequential", "")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Requirement.parse(text), text);
      assertTrue(e.getMessage().contains("'" + text.trim()), e.getMessage());
    }
    assertEquals("'threads\\u0007 faster than async' has control characters",
        assertThrows(IllegalArgumentException.class,
            () -> Requirement.parse("threads\u0007 faster than async")).getMessage());
    assertEquals("both sides are threads:4", assertThrows(IllegalArgumentException.class,
        () -> Requirement.parse("threads faster than threads:4").resolve(ALL)).getMessage());
  }

  private static Comparison compare(FakeRunExecutor fake, int runs) throws InterruptedException {
    ComparePlan plan = ComparePlan.builder().list("l.txt", 8).combinations(ALL).runs(runs)
        .warmup(0).seed(1).build();
    return new Benchmark(fake, ENV).run(plan, (run, total, soFar) -> { });
  }

  /** threads and async equally fast (the same six times, shuffled), sequential four times slower. */
  private static Comparison equalPair() throws InterruptedException {
    return compare(new FakeRunExecutor(8)
        .times(SEQ, 2.0, 2.1, 1.9, 2.05, 1.95, 2.02)
        .times(THREADS, 0.50, 0.52, 0.48, 0.51, 0.49, 0.505)
        .times(ASYNC, 0.505, 0.49, 0.51, 0.48, 0.52, 0.50), 6);
  }

  /** The complaint: two equally fast modes could never pass {@code >= 1x}. */
  @Test
  void twoEquallyFastModesPassNotSlowerButNotFasterNorAtLeastOnce()
      throws InterruptedException {
    Comparison c = equalPair();

    Verdict notSlower = Requirement.parse("async not slower than threads").judge(c);
    assertTrue(notSlower.pass(), notSlower.toString());
    assertEquals("PASS async not slower than threads: speed-up 1.00x, 95% interval 0.96-1.04x; "
        + "no significant difference (p=1.000, 6 and 6 runs)", notSlower.toString());
    assertFalse(Requirement.parse("async faster than threads").judge(c).pass());
    assertFalse(Requirement.parse("async >= 1x threads").judge(c).pass(),
        "an interval reaching below 1 is not at least 1x");
    assertTrue(Requirement.parse("async within 5% of threads").judge(c).pass());
    assertFalse(Requirement.parse("async within 2% of threads").judge(c).pass());
    assertTrue(Requirement.parse("threads faster than sequential").judge(c).pass());
    assertTrue(Requirement.parse("threads >= 3.5x sequential").judge(c).pass());
    assertFalse(Requirement.parse("threads >= 4.5x sequential").judge(c).pass());
    Verdict slower = Requirement.parse("sequential not slower than threads").judge(c);
    assertFalse(slower.pass());
    assertTrue(slower.reason().endsWith("significantly slower (p=0.002, 6 and 6 runs)"),
        slower.reason());
  }

  /** A gate on a single run would pass on a zero-width interval; here it cannot be judged. */
  @Test
  void tooFewRunsFailWithThatReasonInEveryForm() throws InterruptedException {
    Comparison c = compare(new FakeRunExecutor(8).times(SEQ, 2.0, 2.1, 1.9)
        .times(THREADS, 0.5, 0.52, 0.48).times(ASYNC, 0.5, 0.51, 0.49), 3);

    for (String gate : List.of("threads >= 2x sequential", "threads faster than sequential",
        "async not slower than threads", "async within 50% of threads")) {
      Verdict v = Requirement.parse(gate).judge(c);
      assertFalse(v.pass(), v.toString());
      assertEquals("cannot be judged: 3 and 3 runs are too few for a 95% interval (4 of each "
          + "needed)", v.reason());
    }
  }

  @Test
  void aSideWithoutUsableRunsCannotBeJudged() throws InterruptedException {
    Comparison c = compare(new FakeRunExecutor(8).times(SEQ, 2.0, 2.1, 1.9, 2.0)
        .times(THREADS, 0.5, 0.52, 0.48, 0.5).times(ASYNC, 0.5, 0.51, 0.49, 0.5)
        .failures(ASYNC, 1, 1, 1, 1), 4);

    Verdict v = Requirement.parse("async not slower than threads").judge(c);
    assertFalse(v.pass());
    assertEquals("cannot be judged: async:4 has no usable run", v.reason());
  }
}
