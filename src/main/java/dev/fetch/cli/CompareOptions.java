package dev.fetch.cli;

import dev.fetch.compare.ComparePlan;
import dev.fetch.compare.OutputTargets;
import dev.fetch.strategy.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Option;

/**
 * The options of {@code fetch compare} that make its {@link ComparePlan}: what is compared, how
 * often, at which confidence, the gates, the baseline and the exports. {@link #plan} checks them
 * all (and reads the baseline file) before any run.
 */
final class CompareOptions {
  @Option(names = "--modes", paramLabel = "MODES", split = ",",
      description = "Modes to compare: ${COMPLETION-CANDIDATES} (default: every mode this Java "
          + "can run).")
  List<Mode> modes;

  @Option(names = {"-w", "--workers"}, paramLabel = "N[,N...]", defaultValue = "5",
      converter = ListOption.class,
      description = "Worker counts for every mode but sequential (default: ${DEFAULT-VALUE}).")
  List<Integer> workers;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "6",
      description = "Measured runs per combination, 1 to 10000 (default: ${DEFAULT-VALUE}, the "
          + "fewest that give a 95%% interval of the median).")
  int runs;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
      description = "Warm-up runs per combination, not measured, 0 to 1000 (default: "
          + "${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of the shuffled run order, to reproduce one (default: random, printed).")
  Long seed;

  @Option(names = "--reference", paramLabel = "MODE[:N]",
      description = "Speed-ups are against this combination (default: the first).")
  String reference;

  @Option(names = "--confidence", paramLabel = "LEVEL",
      description = "Confidence level of every interval and test, 50%% to 99.9%% (default: 95%%)."
          + " Too few runs for it is said, not hidden.")
  String confidence;

  @Option(names = "--require", paramLabel = "GATE",
      description = "Fail with exit code 3 unless the gate holds: 'A >= Nx B' (the whole "
          + "interval of the speed-up at least N), 'A faster than B' (a significant difference),"
          + " 'A not slower than B' (no significant slow-down), 'A within N%% of B' (the whole "
          + "interval of the time ratio within 1 ± N%%). A and B are MODE or MODE:WORKERS. Too "
          + "few runs to judge is a failure. Repeatable.")
  List<String> requirements = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "OLD.json", description = "An earlier "
      + "--export-json (e.g. the last main-branch run's): compare every combination with its "
      + "own, as benchstat old new. It must have measured the same list.")
  String baseline;

  @Option(names = "--max-regression", paramLabel = "PERCENT", description = "With --baseline: "
      + "fail with exit code 3 where a combination got significantly slower by more than "
      + "this, e.g. 10%%.")
  String maxRegression;

  @Option(names = "--allow-different-list",
      description = "Compare with a --baseline that measured another list.")
  boolean allowDifferentList;

  @Option(names = "--export-json", paramLabel = "FILE", description = "Everything, every run "
      + "and URL, verdicts and the environment, as JSON; - for stdout. Rewritten after every "
      + "run.")
  String exportJson;

  @Option(names = "--export-csv", paramLabel = "FILE",
      description = "One row per combination; - for stdout.")
  String exportCsv;

  @Option(names = "--export-markdown", paramLabel = "FILE", description = "The verdicts, the "
      + "table and a chart, in Markdown (for $GITHUB_STEP_SUMMARY); - for stdout.")
  String exportMarkdown;

  @Option(names = "--export-junit", paramLabel = "FILE", description = "Every gate and "
      + "baseline check as a JUnit XML test case; - for stdout.")
  String exportJunit;

  @Option(names = "--report", paramLabel = "FILE.html", description = "A self-contained HTML "
      + "report: the verdicts, times with intervals, time and throughput against workers, the "
      + "baseline, and a timeline per mode. At most one export may be -.")
  String report;

  @Option(names = "--trace", paramLabel = "FILE", description = "Chrome Trace Event JSON of "
      + "the median run of each combination (Perfetto, chrome://tracing).")
  String trace;

  /**
   * The checked plan for the list {@code name} of {@code urls} URL lines whose bytes have the
   * SHA-256 {@code sha256}.
   *
   * @throws dev.fetch.compare.PlanException naming the option at fault
   */
  ComparePlan plan(String name, long urls, String sha256) {
    return plan(name, urls, sha256, true);
  }

  /**
   * Checks every option that does not depend on the list's content, before a list at a URL is
   * downloaded: all but the baseline's check that it measured the same list.
   *
   * @throws dev.fetch.compare.PlanException naming the option at fault
   */
  void checkBeforeTheList(String name) {
    plan(name, 1, null, false);
  }

  private ComparePlan plan(String name, long urls, String sha256, boolean listKnown) {
    OutputTargets outputs = OutputTargets.of(exportJson, exportCsv, exportMarkdown, exportJunit,
        report, trace);
    return ComparePlan.builder()
        .list(name, urls)
        .listSha256(sha256)
        .combinations(ComparePlan.combinations(modes, workers))
        .reference(reference)
        .require(requirements)
        .runs(runs)
        .warmup(warmup)
        .seed(seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48))
        .confidence(confidence)
        .baselineFile(baseline, allowDifferentList || !listKnown)
        .maxRegression(maxRegression)
        .outputs(outputs)
        .build();
  }
}
