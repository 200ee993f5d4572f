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
 * @param succeeded successes of every outcome: downloaded, up to date and skipped
 * @param bytes body bytes transferred
 * @param workerCrashes how many worker processes died during the run (0 for in-process modes)
 * @param notModified successes whose local file was already current ({@code not_modified})
 * @param skipped successes for which no request was made ({@code skipped})
 */
public record RunSummary(
    String mode, int workers, long urls, long succeeded, long failed, long bytes,
    Duration elapsed, long unfinished, boolean interrupted, long workerCrashes,
    long notModified, long skipped) {

  /** A summary in which every success was a download. */
  public RunSummary(String mode, int workers, long urls, long succeeded, long failed, long bytes,
      Duration elapsed, long unfinished, boolean interrupted, long workerCrashes) {
    this(mode, workers, urls, succeeded, failed, bytes, elapsed, unfinished, interrupted,
        workerCrashes, 0, 0);
  }

  /** A summary of a run in which no worker process crashed. */
  public RunSummary(String mode, int workers, long urls, long succeeded, long failed, long bytes,
      Duration elapsed, long unfinished, boolean interrupted) {
    this(mode, workers, urls, succeeded, failed, bytes, elapsed, unfinished, interrupted, 0);
  }

  /** Successes that downloaded their body: neither up to date nor skipped. */
  public long downloaded() {
    return succeeded - notModified - skipped;
  }

  /** This summary with {@code crashes} worker crashes. */
  public RunSummary withWorkerCrashes(long crashes) {
    return new RunSummary(mode, workers, urls, succeeded, failed, bytes, elapsed, unfinished,
        interrupted, crashes, notModified, skipped);
  }
}
