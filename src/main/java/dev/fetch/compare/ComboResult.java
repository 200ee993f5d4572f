package dev.fetch.compare;

import java.util.List;

/**
 * Everything measured for one combination.
 *
 * @param time statistics of the measured runs without failures, in seconds
 * @param urlsPerSecond URLs of the list over the median time
 * @param megabytesPerSecond the list's bytes (10^6) over the median time
 * @param failedRuns measured runs left out of {@code time} because a URL failed
 * @param speedup against the reference combination (ratio 1 for the reference itself)
 * @param efficiency speed-up per worker, against the reference
 * @param idealSeconds the list's best possible time at this concurrency: its URLs' median
 *     durations, run back to back on {@code workers} lanes in list order, the longest lane
 * @param runs every run, warm-ups included, in schedule order
 */
public record ComboResult(
    Combination combination, Stats time, double urlsPerSecond, double megabytesPerSecond,
    int failedRuns, Speedup speedup, double efficiency, double idealSeconds,
    List<RunRecord> runs) {

  public ComboResult {
    runs = List.copyOf(runs);
  }
}
