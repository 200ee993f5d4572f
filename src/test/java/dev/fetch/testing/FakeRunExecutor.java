package dev.fetch.testing;

import dev.fetch.compare.Combination;
import dev.fetch.compare.RunExecutor;
import dev.fetch.compare.RunRecord;
import dev.fetch.compare.Slot;
import dev.fetch.trace.UrlRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RunExecutor} with scripted run times, so comparison output can be checked to the
 * letter. Each run has {@code urls} URLs of 1000 bytes, spread over the combination's workers
 * round-robin, each taking an equal share of the run's time on its lane. Records the slots it ran.
 */
public final class FakeRunExecutor implements RunExecutor {
  private final int urls;
  private final Map<Combination, Deque<Double>> times = new HashMap<>();
  private final Map<Combination, Deque<Integer>> failures = new HashMap<>();
  private final List<Slot> ran = new ArrayList<>();

  public FakeRunExecutor(int urls) {
    this.urls = urls;
  }

  /** Scripts the times, in seconds, of {@code combination}'s runs, warm-ups first. */
  public FakeRunExecutor times(Combination combination, double... seconds) {
    Deque<Double> queue = times.computeIfAbsent(combination, c -> new ArrayDeque<>());
    for (double s : seconds) {
      queue.add(s);
    }
    return this;
  }

  /** Scripts how many URLs fail in each of {@code combination}'s runs (0 when not scripted). */
  public FakeRunExecutor failures(Combination combination, int... counts) {
    Deque<Integer> queue = failures.computeIfAbsent(combination, c -> new ArrayDeque<>());
    for (int n : counts) {
      queue.add(n);
    }
    return this;
  }

  public List<Slot> ran() {
    return ran;
  }

  @Override
  public RunRecord run(Slot slot, int sequence) {
    ran.add(slot);
    Combination c = slot.combination();
    double seconds = times.get(c).remove();
    Deque<Integer> failing = failures.get(c);
    int failed = failing == null || failing.isEmpty() ? 0 : failing.remove();
    List<UrlRecord> records = new ArrayList<>();
    int perLane = (urls + c.workers() - 1) / c.workers();
    double each = seconds * 1000 / perLane;
    for (int i = 0; i < urls; i++) {
      int lane = i % c.workers();
      int slotOnLane = i / c.workers();
      boolean ok = i >= failed;
      records.add(new UrlRecord(i, "http://127.0.0.1/" + i, "worker-" + (lane + 1),
          ok ? 200 : 500, ok ? 1000 : 0, slotOnLane * each, (slotOnLane + 1) * each, 1,
          ok ? null : "http"));
    }
    return new RunRecord(c, sequence, slot.warmup(), seconds, urls - failed, failed,
        (urls - failed) * 1000L, records);
  }
}
