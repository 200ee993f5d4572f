package dev.fetch.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Carries out a {@link ComparePlan}: runs its schedule one run after another on a
 * {@link RunExecutor}, tells a {@link Listener} about every finished run as it completes
 * (progress lines, saving the JSON export as it goes, so a late failure loses nothing), and
 * returns the {@link Comparison}. Both {@code fetch compare} and {@code fetch demo} use it.
 *
 * <p>{@link #run} blocks the calling thread for the whole comparison. {@link #cancel()} may be
 * called from any thread (a signal handler); the executor is passed in and stays the caller's to
 * close.
 */
public final class Benchmark {
  /** Hears of every finished run, on the thread that called {@link #run}. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param run the run just finished
     * @param total how many runs the schedule has, warm-ups included
     * @param soFar the comparison of every run so far; computed only when called
     */
    void finished(RunRecord run, long total, Supplier<Comparison> soFar);
  }

  private final RunExecutor executor;
  private final Environment environment;
  private volatile boolean cancelled;

  /** @param environment where the runs take place, for the comparison's record */
  public Benchmark(RunExecutor executor, Environment environment) {
    this.executor = executor;
    this.environment = environment;
  }

  /**
   * Runs every slot of {@code plan}'s schedule in order and analyses the runs.
   *
   * @throws InterruptedException when {@link #cancel() cancelled} or the executor was
   *     interrupted; the listener has seen every run finished before
   */
  public Comparison run(ComparePlan plan, Listener listener) throws InterruptedException {
    List<RunRecord> records = new ArrayList<>();
    List<RunRecord> view = Collections.unmodifiableList(records);
    long total = plan.totalRuns();
    int sequence = 0;
    for (Slot slot : plan.schedule()) {
      if (cancelled || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("comparison cancelled");
      }
      RunRecord record = executor.run(slot, sequence++);
      records.add(record);
      listener.finished(record, total, () -> Analysis.of(plan, environment, view));
    }
    return Analysis.of(plan, environment, records);
  }

  /** Stops the run in progress (through the executor) and every later one; safe from any thread. */
  public void cancel() {
    cancelled = true;
    executor.cancel();
  }
}
