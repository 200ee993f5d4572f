package dev.fetch.compare;

import dev.fetch.trace.UrlRecord;
import java.util.List;

/**
 * One full download of the list by one combination.
 *
 * @param sequence the run's place in the whole schedule (0-based), warm-ups included
 * @param warmup whether it was a warm-up, left out of the statistics
 * @param seconds wall time of the whole run
 * @param urls every URL's record, in completion order
 */
public record RunRecord(
    Combination combination, int sequence, boolean warmup, double seconds, long succeeded,
    long failed, long bytes, List<UrlRecord> urls) {

  public RunRecord {
    urls = List.copyOf(urls);
  }

  /** A run where any URL failed: reported, never averaged in. */
  public boolean hasFailures() {
    return failed > 0;
  }

  /** A run the statistics use: measured, without a failed URL. */
  public boolean usable() {
    return !warmup && !hasFailures();
  }
}
