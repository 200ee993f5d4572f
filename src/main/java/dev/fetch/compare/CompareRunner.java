package dev.fetch.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a comparison's schedule, one run after another, and hands every finished run to a
 * listener as it completes (progress lines, saving as it goes), so a late failure loses nothing.
 */
public final class CompareRunner {
  private final RunExecutor executor;

  public CompareRunner(RunExecutor executor) {
    this.executor = executor;
  }

  /** Runs {@code schedule} in order; returns every run, warm-ups included. */
  public List<RunRecord> run(List<Slot> schedule, Consumer<RunRecord> listener)
      throws InterruptedException {
    List<RunRecord> records = new ArrayList<>();
    for (int i = 0; i < schedule.size(); i++) {
      RunRecord record = executor.run(schedule.get(i), i);
      records.add(record);
      listener.accept(record);
    }
    return records;
  }
}
