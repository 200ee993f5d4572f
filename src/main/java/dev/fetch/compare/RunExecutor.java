package dev.fetch.compare;

/**
 * Carries out one full download of the list for a comparison. The real one runs fetch; tests use
 * a fake with scripted times. Called from one thread, one run at a time.
 */
@FunctionalInterface
public interface RunExecutor {
  /**
   * Runs {@code slot}, blocking until every URL has its result.
   *
   * @param sequence the run's place in the schedule, for the record
   */
  RunRecord run(Slot slot, int sequence) throws InterruptedException;

  /**
   * Stops the run in progress, if any, which then throws {@link InterruptedException}; safe from
   * any thread. The default does nothing: its runs end by themselves.
   */
  default void cancel() {}

  /** Releases what the executor holds between runs (connections); the default holds nothing. */
  default void close() {}
}
