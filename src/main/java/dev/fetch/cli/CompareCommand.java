package dev.fetch.cli;

import dev.fetch.compare.Benchmark;
import dev.fetch.compare.ComparePlan;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Environment;
import dev.fetch.compare.FetchRunExecutor;
import dev.fetch.log.Diagnostics;
import dev.fetch.compare.OutputTargets;
import dev.fetch.compare.PlanException;
import dev.fetch.compare.Requirement;
import dev.fetch.compare.RunExecutor;
import dev.fetch.compare.RunRecord;
import dev.fetch.compare.export.CompareTable;
import dev.fetch.compare.export.Exports;
import dev.fetch.compare.export.JsonExport;
import dev.fetch.download.DownloadSettings;
import dev.fetch.input.InputException;
import dev.fetch.input.UrlLists;
import dev.fetch.output.ExportWriter;
import dev.fetch.strategy.Mode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fetch compare}: modes and worker counts side by side, with statistics and exports. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Downloads the list with every combination of --modes and --workers, --runs "
        + "times each after --warmup runs, in an interleaved shuffled order, and prints the "
        + "times side by side with statistics, speed-ups and warnings. Exports JSON, CSV and "
        + "Markdown, draws an HTML report, writes a trace, and can gate CI with --require.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  fetch compare sites.txt --modes=sequential,threads --workers=5 --runs=5 --warmup=1",
        "  fetch compare list.txt --modes=threads,async --workers=1,2,4,8,16,32,64 \\",
        "      --export-markdown=- >> \"$GITHUB_STEP_SUMMARY\"",
        "  fetch compare list.txt --modes=sequential,threads --require 'threads >= 2x "
            + "sequential'"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every run finished and every --require held",
        "1:some measured run had a failed URL (left out of the statistics)",
        "2:usage error",
        "3:a --require did not hold",
        "69:a mode cannot run on this Java",
        "130:interrupted"})
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "URL list, or - for standard "
      + "input (read once, replayed for every run).")
  String input;

  @Option(names = "--modes", paramLabel = "MODES", split = ",",
      description = "Modes to compare: ${COMPLETION-CANDIDATES} (default: every mode this Java "
          + "can run).")
  List<Mode> modes;

  @Option(names = {"-w", "--workers"}, paramLabel = "N[,N...]", defaultValue = "5",
      converter = ListOption.class,
      description = "Worker counts for every mode but sequential (default: ${DEFAULT-VALUE}).")
  List<Integer> workers;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
      description = "Measured runs per combination, 1 to 10000 (default: ${DEFAULT-VALUE}).")
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

  @Option(names = "--reuse-connections",
      description = "Keep connections between runs (default: a fresh pool for each run).")
  boolean reuseConnections;

  @Option(names = "--require", paramLabel = "'A >= Nx B'",
      description = "Fail with exit code 3 unless A is at least N times faster than B, judged on "
          + "the 95%% interval of the speed-up; repeatable. E.g. 'threads:5 >= 2x sequential'.")
  List<String> requirements = new ArrayList<>();

  @Option(names = "--export-json", paramLabel = "FILE", description = "Everything, every run "
      + "and URL, and the environment, as JSON; - for stdout. Rewritten after every run.")
  String exportJson;

  @Option(names = "--export-csv", paramLabel = "FILE",
      description = "One row per combination; - for stdout.")
  String exportCsv;

  @Option(names = "--export-markdown", paramLabel = "FILE",
      description = "A Markdown table; - for stdout.")
  String exportMarkdown;

  @Option(names = "--report", paramLabel = "FILE.html", description = "A self-contained HTML "
      + "report with charts: times with error bars, time and throughput against workers, and "
      + "a timeline of one run per mode. At most one export may be -.")
  String report;

  @Option(names = "--trace", paramLabel = "FILE", description = "Chrome Trace Event JSON of "
      + "one measured run per combination (Perfetto, chrome://tracing).")
  String trace;

  @Mixin HttpOptions http;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "0", description = "As for "
      + "fetch; 0 by default here, so a retry never hides in a time (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
  boolean quiet;

  private final InputStream stdin;
  private final Interrupts interrupts;

  /**
   * Makes the executor of the runs from the list's bytes (null unless the list is standard
   * input). The real one fetches; tests put a fake here, so the output does not depend on
   * timing.
   */
  Function<byte[], RunExecutor> executors = listBytes -> new FetchRunExecutor(input, listBytes,
      settings(), reuseConnections, Diagnostics.to(spec.commandLine().getErr(), false));

  CompareCommand(InputStream stdin, Interrupts interrupts) {
    this.stdin = stdin;
    this.interrupts = interrupts;
  }

  @Override
  @SuppressWarnings("try") // the signal watch is held for its scope, not used by name
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    byte[] listBytes = input.equals("-") ? stdin.readAllBytes() : null;
    ComparePlan plan = plan(listBytes);
    OutputTargets outputs = plan.outputs();
    ExportWriter writer = new ExportWriter(out);
    RunExecutor executor = executors.apply(listBytes);
    Benchmark benchmark = new Benchmark(executor, Environment.current(VersionProvider.version(),
        Instant.now().toString()));
    long[] done = {0};
    Comparison comparison;
    Interrupts.Watch watch = interrupts.watch(benchmark::cancel);
    try {
      comparison = benchmark.run(plan, (record, total, soFar) -> {
        done[0]++;
        progress(err, record, total);
        if (outputs.jsonToFile()) {
          writeQuietly(writer, outputs.json(), JsonExport.render(soFar.get()), err);
        }
      });
    } catch (InterruptedException e) {
      err.println("fetch compare: interrupted after " + done[0] + " of " + plan.totalRuns()
          + " runs" + (outputs.jsonToFile() ? "; " + outputs.json() + " holds them" : ""));
      err.flush();
      // 130 for SIGINT, 143 for SIGTERM: the signal's own code.
      return watch.exitCode() != 0 ? watch.exitCode() : ExitCodes.INTERRUPTED;
    } finally {
      watch.close();
      executor.close();
    }

    PrintWriter table = outputs.toStdout() ? err : out;
    table.print(CompareTable.render(comparison));
    table.flush();
    Exports.writeAll(comparison, outputs, writer);
    return verdict(comparison, plan.requirements(), table);
  }

  /** Everything asked for, checked before any run: a problem is a usage error. */
  private ComparePlan plan(byte[] listBytes) {
    try {
      OutputTargets outputs = OutputTargets.of(exportJson, exportCsv, exportMarkdown, report,
          trace);
      return ComparePlan.builder()
          .list(listName(), countUrls(listBytes))
          .combinations(ComparePlan.combinations(modes, workers))
          .reference(reference)
          .require(requirements)
          .runs(runs)
          .warmup(warmup)
          .seed(seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48))
          .outputs(outputs)
          .build();
    } catch (PlanException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private int verdict(Comparison comparison, List<Requirement> gates, PrintWriter table) {
    boolean allHold = true;
    for (Requirement gate : gates) {
      Requirement.Verdict verdict = gate.judge(comparison);
      table.println(verdict);
      allHold &= verdict.holds();
    }
    table.flush();
    if (!allHold) {
      return ExitCodes.REQUIREMENT_FAILED;
    }
    boolean failures = comparison.results().stream().anyMatch(r -> r.failedRuns() > 0);
    return failures ? ExitCodes.FAILURES : ExitCodes.OK;
  }

  private long countUrls(byte[] listBytes) {
    InputStream source = listBytes == null ? InputStream.nullInputStream()
        : new ByteArrayInputStream(listBytes);
    long count = UrlLists.count(input, source);
    if (count == 0) {
      throw InputException.noUrls(listName());
    }
    return count;
  }

  /** How messages and exports name the list. */
  private String listName() {
    return input.equals("-") ? UrlLists.STDIN_NAME : input;
  }

  private DownloadSettings settings() {
    return http.settings(spec, 1, retries, null);
  }

  private void progress(PrintWriter err, RunRecord record, long total) {
    if (quiet) {
      return;
    }
    err.println(String.format(Locale.ROOT, "[%3d/%d] %-16s %8.3f s%s%s", record.sequence() + 1,
        total, record.combination().label(), record.seconds(),
        record.warmup() ? "  (warm-up)" : "",
        record.hasFailures() ? "  " + record.failed() + " URLs failed" : ""));
    err.flush();
  }

  private static void writeQuietly(ExportWriter writer, String target, String content,
      PrintWriter err) {
    try {
      writer.write(target, content);
    } catch (IOException e) {
      err.println("fetch compare: cannot write " + target + ": " + e.getMessage());
    }
  }
}
