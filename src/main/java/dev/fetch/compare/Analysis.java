package dev.fetch.compare;

import dev.fetch.compare.stats.Confidence;
import dev.fetch.compare.stats.Ratio;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a comparison's runs into its {@link Comparison}: statistics, speed-ups, the verdicts of
 * the gates, the baseline comparison and the warnings. Pure.
 */
public final class Analysis {
  private Analysis() {}

  /**
   * The comparison {@code records} make under {@code plan}: the plan's list, combinations (in its
   * order), reference, runs, warm-ups, seed and confidence, with statistics of the records and
   * every check judged on them. Works on any prefix of the schedule too (a combination without
   * runs has empty statistics, and a check on it fails as not judgeable), so it can be saved
   * after every run.
   *
   * @param environment where the runs took place
   * @param records runs of the plan's combinations, warm-ups included, in schedule order
   * @throws IllegalArgumentException when a record's combination is not in the plan
   */
  public static Comparison of(ComparePlan plan, Environment environment,
      List<RunRecord> records) {
    Map<Combination, List<RunRecord>> byCombination = new LinkedHashMap<>();
    plan.combinations().forEach(c -> byCombination.put(c, new ArrayList<>()));
    for (RunRecord r : records) {
      List<RunRecord> own = byCombination.get(r.combination());
      if (own == null) {
        throw new IllegalArgumentException("not in the plan: " + r.combination());
      }
      own.add(r);
    }
    long bytes = records.stream().filter(r -> !r.hasFailures()).mapToLong(RunRecord::bytes)
        .max().orElse(0);
    Confidence confidence = plan.confidence();
    double[] referenceTimes = usableTimes(byCombination.get(plan.reference()));
    List<ComboResult> results = new ArrayList<>();
    for (Map.Entry<Combination, List<RunRecord>> e : byCombination.entrySet()) {
      results.add(result(e.getKey(), e.getValue(), plan, referenceTimes, bytes));
    }
    Comparison unjudged = new Comparison(plan.list(), plan.listSha256(), plan.urls(), bytes,
        plan.runs(), plan.warmup(), plan.seed(), confidence, plan.reference(), environment,
        results, bestWorkers(results), List.of(), null, List.of());
    List<Verdict> verdicts = plan.requirements().stream().map(r -> r.judge(unjudged)).toList();
    BaselineReport baseline = plan.baseline() == null ? null
        : BaselineAnalysis.of(plan, environment, results);
    return new Comparison(unjudged.list(), unjudged.listSha256(), unjudged.urls(), bytes,
        plan.runs(), plan.warmup(), plan.seed(), confidence, plan.reference(), environment,
        results, unjudged.bestWorkers(), verdicts, baseline, Warnings.of(results, confidence));
  }

  private static ComboResult result(Combination c, List<RunRecord> all, ComparePlan plan,
      double[] referenceTimes, long bytes) {
    double[] times = usableTimes(all);
    Stats time = Stats.of(times, plan.confidence());
    Ratio speedup = Ratio.of(times, referenceTimes, plan.confidence());
    double efficiency = speedup.estimate()
        / ((double) c.workers() / plan.reference().workers());
    int failedRuns = (int) all.stream().filter(r -> !r.warmup() && r.hasFailures()).count();
    List<RunRecord> usable = all.stream().filter(RunRecord::usable).toList();
    return new ComboResult(c, time, plan.urls() / time.median(), bytes / 1e6 / time.median(),
        failedRuns, speedup, efficiency, IdealTime.seconds(usable, c.workers()), all);
  }

  private static double[] usableTimes(List<RunRecord> runs) {
    return runs.stream().filter(RunRecord::usable).mapToDouble(RunRecord::seconds).toArray();
  }

  /** For each mode compared at several worker counts, the count with the lowest median. */
  private static List<Combination> bestWorkers(List<ComboResult> results) {
    Map<Object, List<ComboResult>> byMode = new LinkedHashMap<>();
    results.forEach(r -> byMode.computeIfAbsent(r.combination().mode(), m -> new ArrayList<>())
        .add(r));
    List<Combination> best = new ArrayList<>();
    for (List<ComboResult> sameMode : byMode.values()) {
      if (sameMode.size() < 2) {
        continue;
      }
      sameMode.stream().filter(r -> r.time().n() > 0)
          .min(Comparator.comparingDouble(r -> r.time().median()))
          .ifPresent(r -> best.add(r.combination()));
    }
    return best;
  }
}
