package dev.fetch.cli;

import dev.fetch.compare.Baseline;
import dev.fetch.compare.BaselineFile;
import dev.fetch.compare.PlanException;
import dev.fetch.compare.stats.Confidence;
import dev.fetch.input.InputException;
import dev.fetch.input.Inputs;
import dev.fetch.input.ShardBy;
import dev.fetch.log.Diagnostics;
import dev.fetch.merge.Coverage;
import dev.fetch.merge.ResultsMerge;
import dev.fetch.merge.SideBySide;
import dev.fetch.output.Format;
import dev.fetch.output.OutputClosedException;
import dev.fetch.output.ResultFormatter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fetch merge}: one run out of the results files of its shards ({@link ResultsMerge}), or
 * compare exports of several machines side by side ({@link SideBySide}). Thin: checks the
 * options, merges, prints through the run's formatters, returns the exit code.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Merges the results files of a run split into shards (fetch --shard K/N "
        + "--results FILE, or -f jsonl output) into one run: every list index once (a success "
        + "over a skipped URL over a failure), the summary a run prints, indexes missing or "
        + "reported twice on stderr. Or puts fetch compare --export-json files of several "
        + "machines side by side.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  fetch merge out/shard-*.jsonl --list list.txt --shard-count 8",
        "  fetch merge out/shard-*.jsonl -f jsonl > all.jsonl",
        "  fetch merge a.json b.json"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every URL was downloaded (or was skipped as done)",
        "1:at least one URL failed",
        "2:URLs missing, reported twice or with two URLs, unreadable lines or files, or a usage "
            + "error"})
final class MergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "Results files (JSON lines), or compare exports (JSON): all of one kind.")
  List<String> files;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: the "
          + "failures and the summary; jsonl and csv: every merged result, then the summary).")
  Format format;

  @Option(names = "--list", paramLabel = "FILE",
      description = "The list the shards were cut from: every one of its URLs must be reported.")
  String list;

  @Option(names = "--expect", paramLabel = "N",
      description = "The list had N URLs: indexes 0 to N-1 must be reported.")
  Long expect;

  @Option(names = "--shard-count", paramLabel = "N",
      description = "The run was split into N shards: a missing URL is put down to its shard.")
  Integer shardCount;

  @Option(names = "--shard-by", paramLabel = "KEY", defaultValue = "host",
      description = "How the shards were dealt: ${COMPLETION-CANDIDATES} (default: "
          + "${DEFAULT-VALUE}; by host needs --list to name a missing URL's shard).")
  ShardBy by;

  @Option(names = {"-q", "--quiet"}, description = "Print only the summary.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> paths = paths();
    if (isCompareExport(paths.get(0))) {
      return sideBySide(out);
    }
    Coverage coverage = coverage();
    ResultFormatter formatter = format.formatter();
    boolean everyResult = format != Format.TEXT && !quiet;
    if (everyResult) {
      out.print(formatter.header());
    }
    ResultsMerge merge = new ResultsMerge(paths, coverage, note -> {
      err.println(Diagnostics.printable("fetch merge: " + note));
      err.flush();
    });
    ResultsMerge.Report report;
    try {
      report = merge.run(result -> {
        if (everyResult || !quiet) {
          out.print(formatter.result(result));
        }
      }, !everyResult);
    } catch (IOException e) {
      throw new InputException("merge: " + Diagnostics.printable(e.getMessage()), e);
    }
    if (formatter.summaryOnStdout()) {
      out.print(formatter.summary(report.summary()));
    } else {
      err.print(formatter.summary(report.summary()));
    }
    out.flush();
    err.flush();
    if (out.checkError()) {
      throw OutputClosedException.of(out);
    }
    if (!report.complete()) {
      return ExitCodes.USAGE;
    }
    return report.summary().failed() == 0 ? ExitCodes.OK : ExitCodes.FAILURES;
  }

  private int sideBySide(PrintWriter out) {
    List<Baseline> machines = new ArrayList<>();
    for (String file : files) {
      try {
        machines.add(BaselineFile.read(file));
      } catch (PlanException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage()
            + " (files are merged when all are results files or all compare exports)");
      }
    }
    SideBySide table;
    try {
      table = new SideBySide(machines, Confidence.DEFAULT);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), Diagnostics.printable(e.getMessage()));
    }
    out.print(format == Format.JSONL ? table.jsonLines() : format == Format.CSV ? table.csv()
        : table.text());
    out.flush();
    return ExitCodes.OK;
  }

  /** The files, each a readable regular file (each is read twice). */
  private List<Path> paths() {
    List<Path> paths = new ArrayList<>();
    for (String file : files) {
      Path path;
      try {
        path = Path.of(file);
      } catch (InvalidPathException e) {
        throw usage(file, "not a valid path");
      }
      if (!Files.exists(path)) {
        throw usage(file, "no such file");
      }
      if (!Files.isRegularFile(path)) {
        throw usage(file, "not a regular file (it is read twice: save a pipe to a file first)");
      }
      if (!Files.isReadable(path)) {
        throw usage(file, "cannot read it");
      }
      paths.add(path);
    }
    return paths;
  }

  private Coverage coverage() {
    if (list != null && expect != null) {
      throw new ParameterException(spec.commandLine(), "--list and --expect say the same thing: "
          + "give one");
    }
    if (expect != null && expect < 0) {
      throw new ParameterException(spec.commandLine(), "--expect must be at least 0");
    }
    if (shardCount != null && (shardCount < 1 || shardCount > dev.fetch.input.Shard.MAX_COUNT)) {
      throw new ParameterException(spec.commandLine(), "--shard-count must be between 1 and "
          + dev.fetch.input.Shard.MAX_COUNT);
    }
    ShardBy dealt = by;
    try {
      if (list != null) {
        Inputs inputs = Inputs.of(list);
        inputs.check();
        return Coverage.ofList(inputs, shardCount, dealt);
      }
      return Coverage.of(expect == null ? -1 : expect, shardCount, dealt);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), Diagnostics.printable(e.getMessage()));
    }
  }

  /** Whether the file's first line is not a results line: a compare export's JSON. */
  private static boolean isCompareExport(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null && line.isBlank()) {
        // skip blank lines
      }
      return line != null && !line.contains("\"type\"") && line.trim().startsWith("{");
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  private ParameterException usage(String file, String reason) {
    return new ParameterException(spec.commandLine(), Diagnostics.printable(file) + ": "
        + reason);
  }
}
