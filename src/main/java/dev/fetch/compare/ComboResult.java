package dev.fetch.compare;

import dev.fetch.compare.stats.Ratio;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything measured for one combination.
 *
 * @param time statistics of the usable runs (measured, without failed URLs), in seconds
 * @param urlsPerSecond URLs of the list over the median time
 * @param megabytesPerSecond the list's bytes (10^6) over the median time
 * @param failedRuns measured runs left out of {@code time} because a URL failed
 * @param speedup against the reference: the reference's times over these (above 1: faster);
 *     the reference against itself for the reference
 * @param efficiency speed-up per worker, against the reference
 * @param idealSeconds the list's best possible time at this concurrency: its URLs' median
 *     durations, run back to back on {@code workers} lanes in list order, the longest lane
 * @param runs every run, warm-ups included, in schedule order
 */
public record ComboResult(
    Combination combination, Stats time, double urlsPerSecond, double megabytesPerSecond,
    int failedRuns, Ratio speedup, double efficiency, double idealSeconds,
    List<RunRecord> runs) {

  public ComboResult {
    runs = List.copyOf(runs);
  }

  /** The runs the statistics use: measured, without failed URLs, in schedule order. */
  public List<RunRecord> usableRuns() {
    return runs.stream().filter(RunRecord::usable).toList();
  }

  /** The usable runs' times in seconds, in schedule order. */
  public double[] times() {
    return usableRuns().stream().mapToDouble(RunRecord::seconds).toArray();
  }

  /**
   * The run that stands for this combination in a timeline or trace: the usable run of median
   * time (the lower of the two middle ones in an even count; the earlier of equal times), else
   * the first measured run, else none.
   */
  public Optional<RunRecord> medianRun() {
    List<RunRecord> usable = new ArrayList<>(usableRuns());
    if (usable.isEmpty()) {
      return runs.stream().filter(r -> !r.warmup()).findFirst();
    }
    usable.sort(Comparator.comparingDouble(RunRecord::seconds)
        .thenComparingInt(RunRecord::sequence));
    return Optional.of(usable.get((usable.size() - 1) / 2));
  }

  /** How many runs were measured (not warm-ups), failed or not. */
  public long measuredRuns() {
    return runs.stream().filter(r -> !r.warmup()).count();
  }
}
