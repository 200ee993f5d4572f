package dev.fetch.cli;

import dev.fetch.compare.Analysis;
import dev.fetch.compare.Combination;
import dev.fetch.compare.CompareRunner;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Environment;
import dev.fetch.compare.FetchRunExecutor;
import dev.fetch.compare.Requirement;
import dev.fetch.compare.RunRecord;
import dev.fetch.compare.Schedule;
import dev.fetch.compare.Slot;
import dev.fetch.download.DownloadSettings;
import dev.fetch.compare.export.CompareTable;
import dev.fetch.compare.export.CsvExport;
import dev.fetch.output.ExportWriter;
import dev.fetch.compare.html.HtmlReport;
import dev.fetch.compare.export.JsonExport;
import dev.fetch.compare.export.MarkdownExport;
import dev.fetch.trace.TraceExport;
import dev.fetch.input.InputException;
import dev.fetch.input.UrlLists;
import dev.fetch.strategy.Mode;
import dev.fetch.strategy.ModeUnavailableException;
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
      description = "Measured runs per combination (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
      description = "Warm-up runs per combination, not measured (default: ${DEFAULT-VALUE}).")
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
      + "a timeline of one run per mode.")
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

  CompareCommand(InputStream stdin, Interrupts interrupts) {
    this.stdin = stdin;
    this.interrupts = interrupts;
  }

  @Override
  @SuppressWarnings("try") // the signal watch is held for its scope, not used by name
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Combination> combinations = combinations();
    Combination ref = referenceAmong(combinations);
    List<Requirement> gates = parseRequirements();
    byte[] listBytes = input.equals("-") ? stdin.readAllBytes() : null;
    long urls = countUrls(listBytes);
    long runSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48);
    List<Slot> schedule = Schedule.of(combinations, warmup, runs, runSeed);
    String listName = listName();
    Environment environment = Environment.current(VersionProvider.version(),
        Instant.now().toString());
    ExportWriter writer = new ExportWriter(out);
    boolean exportsToStdout = "-".equals(exportJson) || "-".equals(exportCsv)
        || "-".equals(exportMarkdown);

    FetchRunExecutor executor = new FetchRunExecutor(input, listBytes, settings(), reuseConnections);
    List<RunRecord> done = new ArrayList<>();
    List<RunRecord> records;
    try (Interrupts.Watch watch = interrupts.watch(executor::cancel)) {
      records = new CompareRunner(executor).run(schedule, record -> {
        done.add(record);
        progress(err, record, schedule.size());
        if (exportJson != null && !exportJson.equals("-")) {
          writeQuietly(writer, exportJson, JsonExport.render(Analysis.of(listName, urls, runs,
              warmup, runSeed, ref, environment, combinations, done)), err);
        }
      });
    } catch (InterruptedException e) {
      err.println("fetch compare: interrupted after " + done.size() + " of " + schedule.size()
          + " runs" + (exportJson != null && !exportJson.equals("-")
              ? "; " + exportJson + " holds them" : ""));
      err.flush();
      return ExitCodes.INTERRUPTED;
    } finally {
      executor.close();
    }

    Comparison comparison = Analysis.of(listName, urls, runs, warmup, runSeed, ref, environment,
        combinations, records);
    PrintWriter table = exportsToStdout ? err : out;
    table.print(CompareTable.render(comparison));
    table.flush();
    export(writer, comparison);
    return verdict(comparison, gates, table);
  }

  private void export(ExportWriter writer, Comparison comparison) throws IOException {
    if (exportJson != null) {
      writer.write(exportJson, JsonExport.render(comparison));
    }
    if (exportCsv != null) {
      writer.write(exportCsv, CsvExport.render(comparison));
    }
    if (exportMarkdown != null) {
      writer.write(exportMarkdown, MarkdownExport.render(comparison));
    }
    if (report != null) {
      writer.write(report, HtmlReport.render(comparison));
    }
    if (trace != null) {
      List<TraceExport.Track> tracks = new ArrayList<>();
      comparison.results().forEach(r -> r.runs().stream().filter(run -> !run.warmup())
          .findFirst().ifPresent(run -> tracks.add(new TraceExport.Track(
              r.combination().label() + " (run " + run.sequence() + ")", run.urls()))));
      writer.write(trace, TraceExport.render(tracks));
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

  private List<Combination> combinations() {
    if (runs < 1 || warmup < 0) {
      throw new ParameterException(spec.commandLine(), "--runs must be at least 1 and --warmup "
          + "at least 0");
    }
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

  private Combination referenceAmong(List<Combination> combinations) {
    if (reference == null) {
      return combinations.get(0);
    }
    try {
      return Combination.parse(reference, combinations);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--reference: " + e.getMessage());
    }
  }

  private List<Requirement> parseRequirements() {
    List<Requirement> gates = new ArrayList<>();
    for (String text : requirements) {
      try {
        gates.add(Requirement.parse(text));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--require: " + e.getMessage());
      }
    }
    return gates;
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

  private void progress(PrintWriter err, RunRecord record, int total) {
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
