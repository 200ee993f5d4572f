package dev.fetch.compare;

import dev.fetch.compare.stats.Confidence;
import dev.fetch.strategy.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one result record of {@code fetch compare}: every export, the table and the HTML report are
 * pure functions of it.
 *
 * @param list the URL list's name
 * @param listSha256 the SHA-256 of the list's bytes, hex, or null when unknown
 * @param urls how many URL lines the list has
 * @param bytes the list's total bytes in a successful run (the largest seen)
 * @param seed the seed of the shuffled run order, to reproduce it
 * @param confidence the level of every interval and test
 * @param reference the combination speed-ups are measured against
 * @param results one per combination, in the order given on the command line
 * @param bestWorkers per mode with several worker counts, the one with the lowest median
 * @param requirements the {@code --require} verdicts, in the order given
 * @param baseline the comparison with {@code --baseline}, or null without one
 * @param warnings notes for the reader: noisy samples, inseparable results, failed runs
 */
public record Comparison(
    String list, String listSha256, long urls, long bytes, int runs, int warmup, long seed,
    Confidence confidence, Combination reference, Environment environment,
    List<ComboResult> results, List<Combination> bestWorkers, List<Verdict> requirements,
    BaselineReport baseline, List<String> warnings) {

  public Comparison {
    results = List.copyOf(results);
    bestWorkers = List.copyOf(bestWorkers);
    requirements = List.copyOf(requirements);
    warnings = List.copyOf(warnings);
  }

  /** The result for {@code combination}. */
  public ComboResult result(Combination combination) {
    return results.stream().filter(r -> r.combination().equals(combination)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not compared: " + combination));
  }

  /** The {@code --max-regression} verdicts; empty without a baseline or that option. */
  public List<Verdict> regressions() {
    return baseline == null ? List.of() : baseline.checks();
  }

  /** Every check, gates first, then regressions. */
  public List<Verdict> verdicts() {
    List<Verdict> all = new ArrayList<>(requirements);
    all.addAll(regressions());
    return all;
  }

  /** Whether every check held (true when there is none). */
  public boolean passed() {
    return verdicts().stream().allMatch(Verdict::pass);
  }

  /**
   * Each mode's best combination, in the order of first appearance: the one with the lowest
   * median time, or the mode's first when none has a usable run.
   */
  public List<ComboResult> bestOfEachMode() {
    Map<Mode, ComboResult> best = new LinkedHashMap<>();
    for (ComboResult r : results) {
      ComboResult so = best.get(r.combination().mode());
      if (so == null || (r.time().n() > 0
          && (so.time().n() == 0 || r.time().median() < so.time().median()))) {
        best.put(r.combination().mode(), r);
      }
    }
    return List.copyOf(best.values());
  }

  /**
   * What {@code --warmup 0} means for these numbers, or null when there were warm-ups: the first
   * run of each combination is measured cold, and the first {@code processes} run also builds
   * the worker JVMs' class-data archive.
   */
  public String warmupNote() {
    if (warmup > 0) {
      return null;
    }
    boolean processes = results.stream()
        .anyMatch(r -> r.combination().mode() == Mode.PROCESSES);
    return "No warm-up (--warmup 0): the first run of each combination is measured cold "
        + "(class loading, JIT, new connections)" + (processes ? "; the first processes run "
        + "also builds the worker JVMs' class-data archive" : "") + ".";
  }

  /** Whether some measured run had a failed URL. */
  public boolean hasFailedRuns() {
    return results.stream().anyMatch(r -> r.failedRuns() > 0);
  }
}
