package dev.fetch.testing;

import dev.fetch.compare.Baseline;
import dev.fetch.compare.BaselineFile;
import dev.fetch.compare.Benchmark;
import dev.fetch.compare.Combination;
import dev.fetch.compare.ComparePlan;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Environment;
import dev.fetch.compare.ListDigest;
import dev.fetch.compare.PlanBuilder;
import dev.fetch.compare.RunExecutor;
import dev.fetch.compare.RunRecord;
import dev.fetch.compare.Schedule;
import dev.fetch.compare.export.JsonExport;
import dev.fetch.strategy.Mode;
import dev.fetch.trace.UrlRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic {@link Comparison} for golden tests of every export: the same record on every
 * call, on every machine. Keep it stable; tests compare exact strings against it.
 *
 * <p>What it holds:
 *
 * <ul>
 *   <li>the list {@value #LIST}: the eight {@link #URLS}, one of them {@link #MALICIOUS_URL}
 *       (markup, quotes and an ampersand, to test escaping), with the {@link #BYTES} and base
 *       durations {@link #MILLIS} (2,400 ms in all);
 *   <li>three combinations, {@link #SEQUENTIAL} (the reference), {@link #THREADS_2} and
 *       {@link #THREADS_8}, each with 1 warm-up and 6 measured runs, in the order
 *       {@link Schedule} gives for seed {@value #SEED} (warm-ups first);
 *   <li>each run simulated, not typed: every URL takes its base duration times the factor of the
 *       combination's run ({@link #FACTORS}) and goes, in list order, to the worker lane free
 *       first ({@code worker-1} … {@code worker-8}), as a thread pool does; the run lasts until
 *       its last URL ends plus {@value #OVERHEAD_MS} ms. Times are rounded to 0.1 ms. Run times
 *       come out near 2.4 s, 1.25 s and 0.49 s;
 *   <li>one failure: in threads:2's first measured run URL {@link #FAILED_URL} ends in HTTP 503
 *       after 3 attempts ({@code error_kind} {@code http}, 0 bytes), so that run is left out of
 *       threads:2's statistics (5 usable runs: too few for a 95% interval of the median);
 *   <li>the gates {@link #REQUIREMENTS}, one of each form, two holding and two failing;
 *   <li>a baseline: the same simulation with threads:8 {@value #BASELINE_SPEEDUP} times faster
 *       then (so 20% slower now), run on another machine ({@link #BASELINE_ENVIRONMENT}), exported
 *       by the real {@link JsonExport} and read back by the real {@link BaselineFile}, with
 *       {@code --max-regression 10%}: threads:8's check fails, the others pass;
 *   <li>everything else — statistics, speed-ups, ideal times, verdicts, warnings — from the real
 *       {@link Benchmark} and {@link dev.fetch.compare.Analysis}, which run the simulated runs
 *       on this {@link RunExecutor} in schedule order. Nothing is computed here.
 * </ul>
 */
public final class SampleComparison {
  public static final String LIST = "sample-urls.txt";
  public static final String MALICIOUS_URL =
      "https://example.test/search?q=<script>alert(\"x\")</script>&lang=en";
  public static final List<String> URLS = List.of(
      "https://example.test/wiki/Portal:Arts",
      "https://example.test/wiki/Portal:History",
      "https://example.test/wiki/Portal:Science",
      "https://example.test/wiki/Portal:Technology",
      MALICIOUS_URL,
      "https://example.test/wiki/Portal:Geography",
      "https://example.test/wiki/Portal:Mathematics",
      "https://example.test/wiki/Portal:Society");
  /** The SHA-256 of the list's file: the URLs, a line each. */
  public static final String LIST_SHA256 = ListDigest.of((String.join("\n", URLS) + "\n")
      .getBytes(StandardCharsets.UTF_8));
  /** Each URL's size in bytes. */
  public static final List<Long> BYTES = List.of(
      129_886L, 98_412L, 151_007L, 87_654L, 4_321L, 176_540L, 110_233L, 93_118L);
  /** Each URL's base duration in milliseconds. */
  public static final List<Double> MILLIS = List.of(
      420.0, 180.0, 350.0, 260.0, 150.0, 480.0, 310.0, 250.0);
  /** The duration factor of each run of a combination: warm-up first, then the measured runs. */
  public static final List<Double> FACTORS = List.of(1.30, 1.00, 1.04, 0.97, 1.02, 0.99, 1.06);
  public static final double OVERHEAD_MS = 12;
  /** The index of the URL that fails in threads:2's first measured run. */
  public static final int FAILED_URL = 5;
  /** How much faster threads:8 was in the baseline. */
  public static final double BASELINE_SPEEDUP = 1.2;

  public static final Combination SEQUENTIAL = new Combination(Mode.SEQUENTIAL, 1);
  public static final Combination THREADS_2 = new Combination(Mode.THREADS, 2);
  public static final Combination THREADS_8 = new Combination(Mode.THREADS, 8);
  public static final List<Combination> COMBINATIONS = List.of(SEQUENTIAL, THREADS_2, THREADS_8);
  public static final List<String> REQUIREMENTS = List.of(
      "threads:8 >= 4x sequential",
      "threads:2 faster than threads:8",
      "threads:8 not slower than threads:2",
      "threads:2 within 5% of sequential");

  public static final Environment ENVIRONMENT = new Environment("0.1.0", 8, 4L << 30,
      "17.0.15 (Debian)", "Linux 6.1.0 amd64", "2025-01-15T10:30:00Z");
  public static final Environment BASELINE_ENVIRONMENT = new Environment("0.1.0", 4, 4L << 30,
      "17.0.14 (Debian)", "Linux 6.1.0 amd64", "2025-01-14T09:00:00Z");
  public static final long SEED = 42;

  private static final int RUNS = 6;
  private static final int WARMUP = 1;

  private SampleComparison() {}

  /** The plan the sample carries out: gates, and the baseline with --max-regression 10%. */
  public static ComparePlan plan() {
    return base().require(REQUIREMENTS).baseline(baseline(), false).maxRegression("10%")
        .build();
  }

  /** The sample. */
  public static Comparison build() {
    return run(plan(), ENVIRONMENT, Map.of());
  }

  /** The baseline's export, as {@code --export-json} wrote it. */
  public static String baselineJson() {
    return JsonExport.render(run(base().build(), BASELINE_ENVIRONMENT,
        Map.of(THREADS_8, 1 / BASELINE_SPEEDUP)));
  }

  /** The baseline as {@code --baseline baseline.json} reads it. */
  public static Baseline baseline() {
    return BaselineFile.parse("baseline.json", baselineJson());
  }

  private static PlanBuilder base() {
    return ComparePlan.builder().list(LIST, URLS.size()).listSha256(LIST_SHA256)
        .combinations(COMBINATIONS).runs(RUNS).warmup(WARMUP).seed(SEED);
  }

  private static Comparison run(ComparePlan plan, Environment environment,
      Map<Combination, Double> speed) {
    Map<Combination, Integer> runsSoFar = new HashMap<>();
    RunExecutor simulation = (slot, sequence) -> {
      Combination c = slot.combination();
      int nth = runsSoFar.merge(c, 1, Integer::sum) - 1;
      boolean failing = c.equals(THREADS_2) && nth == WARMUP;
      return run(c, sequence, slot.warmup(), FACTORS.get(nth) * speed.getOrDefault(c, 1.0),
          failing);
    };
    try {
      return new Benchmark(simulation, environment).run(plan, (run, total, soFar) -> { });
    } catch (InterruptedException e) {
      throw new AssertionError("the simulation never waits", e);
    }
  }

  /**
   * One simulated run: URLs in list order, each to the lane free first; when {@code failing},
   * URL {@link #FAILED_URL} fails.
   */
  private static RunRecord run(Combination combination, int sequence, boolean warmup,
      double factor, boolean failing) {
    double[] free = new double[combination.workers()];
    List<UrlRecord> urls = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < URLS.size(); i++) {
      int lane = 0;
      for (int l = 1; l < free.length; l++) {
        lane = free[l] < free[lane] ? l : lane;
      }
      double start = round(free[lane]);
      double end = round(start + MILLIS.get(i) * factor);
      free[lane] = end;
      String worker = "worker-" + (lane + 1);
      if (failing && i == FAILED_URL) {
        urls.add(new UrlRecord(i, URLS.get(i), worker, 503, 0, start, end, 3, "http"));
      } else {
        urls.add(new UrlRecord(i, URLS.get(i), worker, 200, BYTES.get(i), start, end, 1, null));
        bytes += BYTES.get(i);
      }
    }
    urls.sort(Comparator.comparingDouble(UrlRecord::endMs).thenComparingInt(UrlRecord::index));
    double last = 0;
    for (double f : free) {
      last = Math.max(last, f);
    }
    long failed = failing ? 1 : 0;
    return new RunRecord(combination, sequence, warmup, round(last + OVERHEAD_MS) / 1000,
        URLS.size() - failed, failed, bytes, urls);
  }

  private static double round(double millis) {
    return Math.round(millis * 10) / 10.0;
  }
}
