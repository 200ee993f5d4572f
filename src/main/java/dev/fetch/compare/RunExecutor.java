package dev.fetch.compare;

/**
 * Carries out one full download of the list for a comparison. The real one runs fetch; tests use
 * a fake with scripted times.
 */
@FunctionalInterface
public interface RunExecutor {
  /**
   * Runs {@code slot}, blocking until every URL has its result.
   *
   * @param sequence the run's place in the schedule, for the record
   */
  RunRecord run(Slot slot, int sequence) throws InterruptedException;
}
