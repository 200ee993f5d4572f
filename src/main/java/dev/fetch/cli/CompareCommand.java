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
import dev.fetch.engine.RemoteLists;
import dev.fetch.engine.RunContext;
import dev.fetch.input.Input;
import dev.fetch.input.Inputs;
import dev.fetch.input.UrlListReader;
import dev.fetch.output.ExportWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.function.BiFunction;
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
final class CompareCommand implements Callable<Integer>, InputArguments.Holder {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "URL|FILE",
      parameterConsumer = InputArguments.Consumer.class,
      description = "What to download in every run, as for fetch: http(s) URLs and URL lists "
          + "(- for standard input, read once and replayed for every run; with none named, "
          + "standard input when it is a pipe).")
  List<String> urlsAndLists;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE|URL|-",
      parameterConsumer = InputArguments.Consumer.class,
      description = "A URL list, as for fetch: a file, -, or an http(s) URL downloaded once "
          + "before the runs. Repeatable.")
  List<String> lists;

  @Mixin CompareOptions options;

  @Mixin CompareRefusedOptions refused;

  @Option(names = "--reuse-connections",
      description = "Keep connections between runs (default: a fresh pool for each run).")
  boolean reuseConnections;

  @Mixin HttpOptions http;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "0", description = "As for "
      + "fetch; 0 by default here, so a retry never hides in a time (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
  boolean quiet;

  private final Outside outside;
  private final InputArguments inputArguments = new InputArguments();

  /**
   * Makes the executor of the runs from the inputs (lists at URLs downloaded) and the bytes of
   * standard input (empty unless it is one of them). The real one fetches; tests put a fake
   * here, so the output does not depend on timing.
   */
  BiFunction<Inputs, byte[], RunExecutor> executors = (inputs, stdinBytes) ->
      new FetchRunExecutor(inputs, stdinBytes, settings(), reuseConnections,
          Diagnostics.to(spec.commandLine().getErr(), false));

  CompareCommand(Outside outside) {
    this.outside = outside;
  }

  @Override
  public InputArguments inputArguments() {
    return inputArguments;
  }

  @Override
  @SuppressWarnings("try") // the signal watch is held for its scope, not used by name
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    refused.check(spec);
    Inputs inputs = inputArguments.inputs(spec, outside.stdinIsTerminal(), List.of());
    if (!inputs.toDownload().isEmpty()) {
      checkBeforeTheList(inputs);
      try {
        inputs = downloadLists(inputs, err);
      } catch (InterruptedException e) {
        err.println("fetch compare: interrupted while downloading a list");
        err.flush();
        return ExitCodes.INTERRUPTED;
      }
    }
    byte[] stdinBytes = inputs.readStandardInput() ? outside.stdin().readAllBytes()
        : new byte[0];
    ComparePlan plan = plan(inputs, stdinBytes);
    OutputTargets outputs = plan.outputs();
    ExportWriter writer = new ExportWriter(out);
    RunExecutor executor = executors.apply(inputs, stdinBytes);
    Benchmark benchmark = new Benchmark(executor, Environment.current(VersionProvider.version(),
        Instant.now().toString()));
    long[] done = {0};
    Comparison comparison;
    Interrupts.Watch watch = outside.interrupts().watch(benchmark::cancel);
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
  private ComparePlan plan(Inputs inputs, byte[] stdinBytes) {
    long urls = countUrls(inputs, stdinBytes);
    try {
      return options.plan(inputs.names(), urls, ListDigest.of(inputs, stdinBytes));
    } catch (PlanException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The options, checked before the first request: the one for a list at a URL. */
  private void checkBeforeTheList(Inputs inputs) {
    try {
      options.checkBeforeTheList(inputs.names());
    } catch (PlanException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Downloads the lists given by URL, once for every run; a signal stops it. */
  private Inputs downloadLists(Inputs inputs, PrintWriter err) throws InterruptedException {
    RemoteLists remote = new RemoteLists(settings(), new RunContext(outside.stdin(),
        outside.time(), Diagnostics.to(err, false), null));
    try (Interrupts.Watch watch = outside.interrupts().watch(remote::cancel)) {
      return remote.download(inputs);
    }
  }

  private static long countUrls(Inputs inputs, byte[] stdinBytes) {
    long count = 0;
    for (Input input : inputs.all()) {
      if (input instanceof Input.StandardInput) {
        try (UrlListReader reader = new UrlListReader(Input.StandardInput.NAME,
            new ByteArrayInputStream(stdinBytes))) {
          count += reader.countRest();
        }
      } else {
        count += input.countUrlLines();
      }
    }
    if (count == 0) {
      throw inputs.noUrls();
    }
    return count;
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
