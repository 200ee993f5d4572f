package dev.fetch.engine;

import java.time.Duration;

/**
 * The totals of one run, printed last.
 *
 * @param mode the strategy's name, e.g. {@code threads}
 * @param workers how many downloads ran at once
 * @param urls results reported (every URL line of the input, unless interrupted)
 * @param unfinished URLs started but without a result because the run was interrupted
 * @param interrupted whether a signal cut the run short
 * @param workerCrashes how many worker processes died during the run (0 for in-process modes)
 */
public record RunSummary(
    String mode, int workers, long urls, long succeeded, long failed, long bytes,
    Duration elapsed, long unfinished, boolean interrupted, long workerCrashes) {

  /** A summary of a run in which no worker process crashed. */
  public RunSummary(String mode, int workers, long urls, long succeeded, long failed, long bytes,
      Duration elapsed, long unfinished, boolean interrupted) {
    this(mode, workers, urls, succeeded, failed, bytes, elapsed, unfinished, interrupted, 0);
  }

  /** This summary with {@code crashes} worker crashes. */
  public RunSummary withWorkerCrashes(long crashes) {
    return new RunSummary(mode, workers, urls, succeeded, failed, bytes, elapsed, unfinished,
        interrupted, crashes);
  }
}
