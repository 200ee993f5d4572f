package dev.fetch.report;

import java.time.Duration;

/**
 * The totals of one run, printed last.
 *
 * @param mode the strategy's name, e.g. {@code threads}
 * @param workers how many downloads ran at once
 * @param urls results reported (every URL line of the input, unless interrupted)
 * @param unfinished URLs started but without a result because the run was interrupted
 * @param interrupted whether a signal cut the run short
 */
public record RunSummary(
    String mode, int workers, long urls, long succeeded, long failed, long bytes,
    Duration elapsed, long unfinished, boolean interrupted) {}
