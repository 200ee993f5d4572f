package dev.fetch.compare;

import java.util.List;

/**
 * The one result record of {@code fetch compare}: every export, the table and the HTML report are
 * pure functions of it.
 *
 * @param list the URL list's name
 * @param urls how many URL lines the list has
 * @param bytes the list's total bytes in a successful run (the largest seen)
 * @param seed the seed of the shuffled run order, to reproduce it
 * @param reference the combination speed-ups are measured against
 * @param results one per combination, in the order given on the command line
 * @param bestWorkers per mode with several worker counts, the one with the lowest median
 * @param warnings notes for the reader: noisy samples, inseparable results, failed runs
 */
public record Comparison(
    String list, long urls, long bytes, int runs, int warmup, long seed, Combination reference,
    Environment environment, List<ComboResult> results, List<Combination> bestWorkers,
    List<String> warnings) {

  public Comparison {
    results = List.copyOf(results);
    bestWorkers = List.copyOf(bestWorkers);
    warnings = List.copyOf(warnings);
  }

  /** The result for {@code combination}. */
  public ComboResult result(Combination combination) {
    return results.stream().filter(r -> r.combination().equals(combination)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not compared: " + combination));
  }
}
