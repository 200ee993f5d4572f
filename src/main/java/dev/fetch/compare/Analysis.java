package dev.fetch.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a comparison's runs into its {@link Comparison}: statistics, speed-ups, warnings. Pure. */
public final class Analysis {
  private Analysis() {}

  /**
   * The comparison {@code records} make under {@code plan}: the plan's list, combinations (in its
   * order), reference, runs, warm-ups and seed, with statistics of the records. Works on any
   * prefix of the schedule too (a combination without runs has empty statistics), so it can be
   * saved after every run.
   *
   * @param environment where the runs took place
   * @param records runs of the plan's combinations, warm-ups included, in schedule order
   * @throws IllegalArgumentException when a record's combination is not in the plan
   */
  public static Comparison of(ComparePlan plan, Environment environment,
      List<RunRecord> records) {
    List<Combination> combinations = plan.combinations();
    Combination reference = plan.reference();
    long urls = plan.urls();
    Map<Combination, List<RunRecord>> byCombination = new LinkedHashMap<>();
    combinations.forEach(c -> byCombination.put(c, new ArrayList<>()));
    for (RunRecord r : records) {
      List<RunRecord> own = byCombination.get(r.combination());
      if (own == null) {
        throw new IllegalArgumentException("not in the plan: " + r.combination());
      }
      own.add(r);
    }

    long bytes = records.stream().filter(r -> !r.hasFailures()).mapToLong(RunRecord::bytes)
        .max().orElse(0);
    Map<Combination, Stats> times = new LinkedHashMap<>();
    byCombination.forEach((c, own) -> times.put(c, Stats.of(usable(own).stream()
        .mapToDouble(RunRecord::seconds).toArray())));
    Stats referenceTime = times.get(reference);

    List<ComboResult> results = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Combination c : combinations) {
      List<RunRecord> all = byCombination.get(c);
      List<RunRecord> measured = all.stream().filter(r -> !r.warmup())
          .collect(Collectors.toList());
      Stats time = times.get(c);
      int failedRuns = (int) measured.stream().filter(RunRecord::hasFailures).count();
      Speedup speedup = Speedup.of(referenceTime, time);
      double efficiency = speedup.ratio() / ((double) c.workers() / reference.workers());
      results.add(new ComboResult(c, time, urls / time.median(),
          bytes / 1e6 / time.median(), failedRuns, speedup, efficiency,
          IdealTime.seconds(usable(all), c.workers()), all));
      warn(c, time, measured.size(), failedRuns, warnings);
    }
    warnInseparable(times, warnings);
    return new Comparison(plan.list(), urls, bytes, plan.runs(), plan.warmup(), plan.seed(),
        reference, environment, results,
        bestWorkers(combinations, times), warnings);
  }

  private static List<RunRecord> usable(List<RunRecord> runs) {
    return runs.stream().filter(r -> !r.warmup() && !r.hasFailures())
        .collect(Collectors.toList());
  }

  private static void warn(Combination c, Stats time, int measured, int failedRuns,
      List<String> warnings) {
    if (failedRuns > 0) {
      warnings.add(c.label() + ": " + failedRuns + " of " + measured + " runs had failed URLs "
          + "and are left out of the statistics");
    }
    if (time.n() == 0) {
      warnings.add(c.label() + ": no run without failures, so no statistics");
    } else if (time.n() == 1) {
      warnings.add(c.label() + ": one usable run, so no spread or interval: use --runs 3 or more");
    }
    if (time.outliers() > 0) {
      warnings.add(c.label() + ": " + time.outliers() + (time.outliers() == 1 ? " outlier" :
          " outliers") + " among " + time.n() + " runs: the machine may have been busy; "
          + "consider --warmup or more --runs");
    }
  }

  /** Neighbours in speed whose intervals overlap cannot be told apart: say so. */
  private static void warnInseparable(Map<Combination, Stats> times, List<String> warnings) {
    List<Map.Entry<Combination, Stats>> ranked = times.entrySet().stream()
        .filter(e -> e.getValue().n() > 1)
        .sorted(Comparator.comparingDouble(e -> e.getValue().mean()))
        .collect(Collectors.toList());
    for (int i = 1; i < ranked.size(); i++) {
      Stats faster = ranked.get(i - 1).getValue();
      Stats slower = ranked.get(i).getValue();
      if (faster.overlaps(slower)) {
        warnings.add(String.format(Locale.ROOT,
            "%s and %s cannot be told apart: their 95%% intervals overlap (%.3f-%.3f s, "
                + "%.3f-%.3f s); more --runs may separate them",
            ranked.get(i - 1).getKey().label(), ranked.get(i).getKey().label(), faster.ciLow(),
            faster.ciHigh(), slower.ciLow(), slower.ciHigh()));
      }
    }
  }

  /** For each mode compared at several worker counts, the count with the lowest median. */
  private static List<Combination> bestWorkers(List<Combination> combinations,
      Map<Combination, Stats> times) {
    Map<Object, List<Combination>> byMode = new LinkedHashMap<>();
    combinations.forEach(c -> byMode.computeIfAbsent(c.mode(), m -> new ArrayList<>()).add(c));
    List<Combination> best = new ArrayList<>();
    for (List<Combination> sameMode : byMode.values()) {
      if (sameMode.size() < 2) {
        continue;
      }
      sameMode.stream().filter(c -> times.get(c).n() > 0)
          .min(Comparator.comparingDouble(c -> times.get(c).median()))
          .ifPresent(best::add);
    }
    return best;
  }
}
