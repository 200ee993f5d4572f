package dev.fetch.compare;

import dev.fetch.strategy.Mode;
import dev.fetch.strategy.ModeUnavailableException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a comparison was asked to do, validated completely before the first request: what
 * is compared, against what, how often, in which order, what must hold and where the results go.
 * {@link Benchmark} carries it out; {@link Analysis} reads it back to describe the runs. Build it
 * with {@link #builder()}, which turns the command line's words into checked values. Immutable.
 *
 * @param list the URL list's name, as messages and exports show it
 * @param urls how many URL lines the list has, at least 1
 * @param combinations what is compared, in the order given, without repeats
 * @param reference the combination speed-ups are measured against, one of {@code combinations}
 * @param requirements the {@code --require} gates, each {@link Requirement#resolve resolved} to
 *     two of {@code combinations}
 * @param runs measured runs per combination, 1 to {@value #MAX_RUNS}
 * @param warmup warm-up runs per combination, 0 to {@value #MAX_WARMUP}
 * @param seed the seed of the shuffled run order
 * @param outputs where the exports go, already checked to be writable
 * @throws PlanException when any of this does not hold
 */
public record ComparePlan(
    String list, long urls, List<Combination> combinations, Combination reference,
    List<Requirement> requirements, int runs, int warmup, long seed, OutputTargets outputs) {

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
      if (!combinations.contains(r.faster()) || !combinations.contains(r.slower())) {
        throw new PlanException("--require '" + r.text() + "' is not resolved to compared "
            + "combinations");
      }
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

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Gathers a plan's parts as the command line gives them (labels and requirement texts as
   * written) and checks them in {@link #build()}. Not thread-safe; use once.
   */
  public static final class Builder {
    private String list;
    private long urls;
    private List<Combination> combinations = List.of();
    private String reference;
    private List<String> requirements = List.of();
    private int runs = 5;
    private int warmup = 1;
    private long seed;
    private OutputTargets outputs = OutputTargets.NONE;

    private Builder() {}

    public Builder list(String name, long urlCount) {
      this.list = name;
      this.urls = urlCount;
      return this;
    }

    public Builder combinations(List<Combination> compared) {
      this.combinations = List.copyOf(compared);
      return this;
    }

    /** A label such as {@code threads:5} or {@code sequential}; null for the first combination. */
    public Builder reference(String label) {
      this.reference = label;
      return this;
    }

    /** Requirement texts such as {@code threads:5 >= 2x sequential}. */
    public Builder require(List<String> texts) {
      this.requirements = List.copyOf(texts);
      return this;
    }

    public Builder runs(int runs) {
      this.runs = runs;
      return this;
    }

    public Builder warmup(int warmup) {
      this.warmup = warmup;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder outputs(OutputTargets outputs) {
      this.outputs = outputs;
      return this;
    }

    /**
     * The checked plan.
     *
     * @throws PlanException naming the option at fault: {@code --reference} or {@code --require}
     *     naming no compared combination (or several), a malformed {@code --require}, bounds
     */
    public ComparePlan build() {
      if (combinations.isEmpty()) {
        throw new PlanException("nothing to compare");
      }
      Combination ref;
      try {
        ref = reference == null ? combinations.get(0)
            : Combination.parse(reference, combinations);
      } catch (IllegalArgumentException e) {
        throw new PlanException("--reference: " + e.getMessage());
      }
      List<Requirement> gates = new ArrayList<>();
      for (String text : requirements) {
        Requirement parsed;
        try {
          parsed = Requirement.parse(text);
        } catch (IllegalArgumentException e) {
          throw new PlanException("--require: " + e.getMessage());
        }
        try {
          gates.add(parsed.resolve(combinations));
        } catch (IllegalArgumentException e) {
          throw new PlanException("--require '" + parsed.text() + "': " + e.getMessage());
        }
      }
      return new ComparePlan(list, urls, combinations, ref, gates, runs, warmup, seed, outputs);
    }
  }
}
