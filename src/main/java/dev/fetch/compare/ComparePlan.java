package dev.fetch.compare;

import dev.fetch.compare.stats.Confidence;
import dev.fetch.strategy.Mode;
import dev.fetch.strategy.ModeUnavailableException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a comparison was asked to do, validated completely before the first request: what
 * is compared, against what, how often, in which order, at which confidence, what must hold,
 * which earlier comparison it is measured against and where the results go. {@link Benchmark}
 * carries it out; {@link Analysis} reads it back to describe the runs. Build it with
 * {@link #builder()}, which turns the command line's words into checked values (and reads the
 * baseline file). Immutable.
 *
 * @param list the URL list's name, as messages and exports show it
 * @param listSha256 the SHA-256 of the list's bytes, hex; null when unknown
 * @param urls how many URL lines the list has, at least 1
 * @param combinations what is compared, in the order given, without repeats
 * @param reference the combination speed-ups are measured against, one of {@code combinations}
 * @param requirements the {@code --require} gates, each {@link Requirement#resolve resolved} to
 *     two of {@code combinations}
 * @param runs measured runs per combination, 1 to {@value #MAX_RUNS}
 * @param warmup warm-up runs per combination, 0 to {@value #MAX_WARMUP}
 * @param seed the seed of the shuffled run order
 * @param confidence the level of every interval and test
 * @param baseline the earlier comparison to compare with, or null; it shares a combination with
 *     this plan, and measured the same list unless {@code --allow-different-list}
 * @param maxRegression the slow-down against the baseline that fails, as a fraction (0.1 for
 *     10%); NaN for none, and only with a baseline
 * @param outputs where the exports go, already checked to be writable
 * @throws PlanException when any of this does not hold
 */
public record ComparePlan(
    String list, String listSha256, long urls, List<Combination> combinations,
    Combination reference, List<Requirement> requirements, int runs, int warmup, long seed,
    Confidence confidence, Baseline baseline, double maxRegression, OutputTargets outputs) {

  public static final int MAX_RUNS = 10_000;
  public static final int MAX_WARMUP = 1_000;
  /** Runs in all, warm-ups included, at most: a run's place in the schedule is an {@code int}. */
  public static final long MAX_TOTAL_RUNS = 1_000_000;

  public ComparePlan {
    combinations = List.copyOf(combinations);
    requirements = List.copyOf(requirements);
    if (runs < 1 || runs > MAX_RUNS) {
      throw new PlanException("--runs must be between 1 and " + MAX_RUNS + ", not " + runs);
    }
    if (warmup < 0 || warmup > MAX_WARMUP) {
      throw new PlanException("--warmup must be between 0 and " + MAX_WARMUP + ", not "
          + warmup);
    }
    if (combinations.isEmpty() || combinations.stream().distinct().count()
        != combinations.size()) {
      throw new PlanException("nothing to compare, or a combination given twice: "
          + combinations);
    }
    long total = ((long) runs + warmup) * combinations.size();
    if (total > MAX_TOTAL_RUNS) {
      throw new PlanException("--runs and --warmup of " + combinations.size()
          + " combinations make " + total + " runs in all, more than " + MAX_TOTAL_RUNS);
    }
    if (!combinations.contains(reference)) {
      throw new PlanException("--reference: " + reference + " is not compared");
    }
    for (Requirement r : requirements) {
      if (!combinations.contains(r.a()) || !combinations.contains(r.b())) {
        throw new PlanException("--require '" + r.text() + "' is not resolved to compared "
            + "combinations");
      }
    }
    if (!Double.isNaN(maxRegression) && (baseline == null || !(maxRegression >= 0))) {
      throw new PlanException("--max-regression needs --baseline and a percentage of 0 or more");
    }
  }

  /** The interleaved order of every run, warm-ups first; lazy, the same for the same seed. */
  public Schedule schedule() {
    return Schedule.of(combinations, warmup, runs, seed);
  }

  /** Every run in the schedule, warm-ups included. */
  public long totalRuns() {
    return ((long) runs + warmup) * combinations.size();
  }

  /**
   * Every mode in {@code modes} with every worker count in {@code workers} (a mode without
   * workers once, with 1), in that order, without repeats; every mode this Java can run when
   * {@code modes} is null or empty.
   *
   * @throws ModeUnavailableException when a chosen mode cannot run on this Java
   */
  public static List<Combination> combinations(List<Mode> modes, List<Integer> workers) {
    List<Mode> chosen = modes;
    if (chosen == null || chosen.isEmpty()) {
      chosen = new ArrayList<>();
      for (Mode m : Mode.values()) {
        if (m.unavailableReason() == null) {
          chosen.add(m);
        }
      }
    }
    List<Combination> combinations = new ArrayList<>();
    for (Mode m : chosen) {
      if (m.unavailableReason() != null) {
        throw new ModeUnavailableException(m.unavailableReason());
      }
      for (int n : m.usesWorkers() ? workers : List.of(1)) {
        Combination c = new Combination(m, n);
        if (!combinations.contains(c)) {
          combinations.add(c);
        }
      }
    }
    return combinations;
  }

  public static PlanBuilder builder() {
    return new PlanBuilder();
  }
}
