package dev.fetch.cli;

import dev.fetch.compare.Benchmark;
import dev.fetch.compare.ComparePlan;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Environment;
import dev.fetch.compare.FetchRunExecutor;
import dev.fetch.log.Diagnostics;
import dev.fetch.compare.OutputTargets;
import dev.fetch.compare.PlanException;
import dev.fetch.compare.ListDigest;
import dev.fetch.compare.RunExecutor;
import dev.fetch.compare.RunRecord;
import dev.fetch.compare.export.CompareTable;
import dev.fetch.compare.export.Exports;
import dev.fetch.compare.export.JsonExport;
import dev.fetch.download.DownloadSettings;
import dev.fetch.input.InputException;
import dev.fetch.input.UrlLists;
import dev.fetch.output.ExportWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
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
        + "times side by side: medians with distribution-free intervals, speed-ups, a "
        + "Mann-Whitney test of every difference, and warnings. Compares with an earlier run "
        + "(--baseline), gates CI (--require, --max-regression), exports JSON, CSV, Markdown "
        + "and JUnit XML, draws an HTML report and writes a trace.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  fetch compare sites.txt --modes=sequential,threads -w 5 --runs=10",
        "  fetch compare list.txt --modes=threads,async -w 1,2,4,8,16,32,64 \\",
        "      --export-markdown=- >> \"$GITHUB_STEP_SUMMARY\"",
        "  fetch compare list.txt --require 'threads >= 2x sequential' \\",
        "      --require 'async not slower than threads' --export-junit=gates.xml",
        "  fetch compare list.txt --baseline=main.json --max-regression=10%% \\",
        "      --export-json=now.json"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every run finished and every check held",
        "1:some measured run had a failed URL (left out of the statistics)",
        "2:usage error (an option, the list, the baseline, an export path)",
        "3:a --require or --max-regression check failed, or had too few runs to be judged",
        "69:a mode cannot run on this Java",
        "130:interrupted"})
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "URL list, or - for standard "
      + "input (read once, replayed for every run).")
  String input;

  @Mixin CompareOptions options;

  @Option(names = "--reuse-connections",
      description = "Keep connections between runs (default: a fresh pool for each run).")
  boolean reuseConnections;

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
    if (!comparison.passed()) {
      return ExitCodes.REQUIREMENT_FAILED;
    }
    return comparison.hasFailedRuns() ? ExitCodes.FAILURES : ExitCodes.OK;
  }

  /** Everything asked for, checked before any run: a problem is a usage error. */
  private ComparePlan plan(byte[] listBytes) {
    long urls = countUrls(listBytes);
    try {
      String sha256 = listBytes != null ? ListDigest.of(listBytes)
          : ListDigest.of(Path.of(input));
      return options.plan(listName(), urls, sha256);
    } catch (PlanException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
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

  /** How messages and exports name the list, control characters escaped. */
  private String listName() {
    return input.equals("-") ? UrlLists.STDIN_NAME : Diagnostics.printable(input);
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
