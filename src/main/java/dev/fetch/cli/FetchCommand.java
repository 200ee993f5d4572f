package dev.fetch.cli;

import dev.fetch.download.DownloadSettings;
import dev.fetch.engine.DoneUrls;
import dev.fetch.engine.DownloadPlan;
import dev.fetch.engine.DownloadRun;
import dev.fetch.engine.RemoteLists;
import dev.fetch.engine.RunContext;
import dev.fetch.engine.RunListener;
import dev.fetch.engine.RunSummary;
import dev.fetch.input.Inputs;
import dev.fetch.log.Diagnostics;
import dev.fetch.output.ExportWriter;
import dev.fetch.output.Format;
import dev.fetch.output.OutputPaths;
import dev.fetch.output.Progress;
import dev.fetch.output.ResultPrinter;
import dev.fetch.output.ResultsJournal;
import dev.fetch.strategy.Mode;
import dev.fetch.strategy.ModeUnavailableException;
import dev.fetch.strategy.Order;
import dev.fetch.trace.TraceExport;
import dev.fetch.trace.UrlRecord;
import dev.fetch.trace.UrlRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The root command: download every URL of a list with the chosen concurrency strategy. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    subcommandsRepeatable = false,
    description = "Downloads every URL given, and every URL of the lists given, concurrently "
        + "and prints one line per URL as it finishes, then the total. Results go to standard output; logs and progress to "
        + "standard error.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  fetch https://example.org/a https://example.org/b",
        "  fetch --mode=threads --workers=5 sites.txt",
        "  fetch -i list1.txt -i https://example.org/list.txt more.txt",
        "  fetch --mode=sequential sites.txt --format=jsonl | jq .",
        "  cat urls.txt | fetch -m threads -w 32 --output-dir pages/",
        "  fetch urls.txt --save-failed failed.txt; fetch failed.txt",
        "  fetch -o data/ list.txt --results run.jsonl; fetch -o data/ list.txt --skip-done "
            + "run.jsonl --results run.jsonl"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every URL was downloaded",
        "1:at least one URL failed (HTTP status >= 400 included)",
        "2:usage error: bad option or URL, missing/empty/unreadable list, a list URL that could not "
            + "be downloaded, unwritable output",
        "70:internal error (a bug: please report it)",
        "23:standard output could not be written (closed: piped into head; or a full disk)",
        "69:the mode cannot run on this Java (virtual needs Java 21+)",
        "130:interrupted (Ctrl-C)",
        "143:terminated (SIGTERM)"})
public final class FetchCommand implements Callable<Integer>, InputArguments.Holder {
  private static final int MAX_WORKERS = 10_000;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "URL|FILE",
      parameterConsumer = InputArguments.Consumer.class,
      description = "An http:// or https:// URL to download, or a URL list: a file of one "
          + "absolute http(s) URL per line (blank lines and # comments are skipped), or - for "
          + "standard input. Any number, read in the order given with the -i lists; with none, "
          + "standard input is read when it is a pipe.")
  List<String> urlsAndLists;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE|URL|-",
      parameterConsumer = InputArguments.Consumer.class,
      description = "Read URLs from this list (wget -i): a file, - for standard input, or an "
          + "http(s) URL, downloaded first with the same options. Repeatable.")
  List<String> lists;

  @Option(names = {"-m", "--mode"}, paramLabel = "MODE", defaultValue = "threads",
      description = "Concurrency strategy: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Mode mode;

  @Option(names = {"-w", "--workers"}, paramLabel = "N",
      description = "Downloads at once (${bundle:dev.fetch.workers.defaults}).")
  Integer workers;

  @Option(names = "--order", paramLabel = "ORDER", defaultValue = "completion",
      description = "Print results in ${COMPLETION-CANDIDATES} order (default: ${DEFAULT-VALUE}).")
  Order order;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
      description = "Save each body to a file in DIR (created if missing), named after the "
          + "URL. Default: count the bytes and discard the body.")
  Path outputDir;

  @Mixin SaveOptions save;

  @Mixin ShardOptions shard;

  @Mixin HttpOptions http;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "2",
      description = "Retries after a connection error, timeout, cut-short body, 408, 429 or "
          + "5xx, with exponential back-off and jitter; Retry-After is honoured up to 30s "
          + "(default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--save-failed", paramLabel = "FILE",
      description = "Write the failed URLs to FILE, one per line, to feed back in.")
  Path saveFailed;

  @Mixin RunJournalOptions journal;

  @Option(names = "--trace", paramLabel = "FILE",
      description = "Write a Chrome Trace Event JSON of the run (a track per worker, a bar per "
          + "URL) that Perfetto and chrome://tracing open.")
  Path trace;

  @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
      description = "Progress on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: a "
          + "bar when stderr is a terminal, result lines scrolling above it; a plain line every "
          + "10s when CI=true; else none).")
  ProgressOption progress;

  @Option(names = {"-q", "--quiet"}, description = "Print only the summary.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Debug logging on stderr.")
  boolean verbose;

  private final Outside outside;
  private final InputArguments inputArguments = new InputArguments();

  FetchCommand(Outside outside) {
    this.outside = outside;
  }

  @Override
  public InputArguments inputArguments() {
    return inputArguments;
  }

  /**
   * Checks everything, downloads the lists given by URL, then runs: a signal during either step
   * stops it (exit 130 or 143).
   */
  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Inputs inputs = inputs();
    DownloadSettings settings = settings(err);
    journal.check(spec, inputs, saveFailed, trace);
    DoneUrls done = journal.doneUrls(spec, err);
    AtomicReference<Inputs> listed = new AtomicReference<>(inputs);
    Progress display = progress.progress(err, outside, () -> listed.get().countUrlLines());
    err = display.err();
    RunContext context = new RunContext(outside.stdin(), outside.time(),
        Diagnostics.to(err, verbose), null).withTransfers(display.transfers());
    Cancellation cancellation = new Cancellation();
    if (!inputs.toDownload().isEmpty()) {
      DownloadRun.checkOutputDir(settings);
    }
    try (Interrupts.Watch watch = outside.interrupts().watch(cancellation)) {
      RemoteLists remote = new RemoteLists(settings, context);
      cancellation.add(remote::cancel);
      try {
        inputs = remote.download(inputs);
      } catch (InterruptedException e) {
        err.println("fetch: interrupted while downloading a list");
        err.flush();
        return watch.exitCode() != 0 ? watch.exitCode() : ExitCodes.INTERRUPTED;
      }
      listed.set(inputs);
      DownloadRun run = new DownloadRun(new DownloadPlan(inputs, mode, order, settings, done),
          context);
      cancellation.add(run::cancel);
      int code = run(run, display, out, err);
      return code == ExitCodes.INTERRUPTED && watch.exitCode() != 0 ? watch.exitCode() : code;
    }
  }

  private int run(DownloadRun run, Progress display, PrintWriter out, PrintWriter err) {
    List<UrlRecord> traced = new ArrayList<>();
    RunListener traceRecorder = (result, at) -> traced.add(UrlRecords.of(result, at));
    ResultsJournal results = journal.journal(err);
    try (ResultPrinter printer = new ResultPrinter(format.formatter(outputDir), out, err, saveFailed,
        display, quiet); results) {
      // The journal first: it keeps every result even when standard output has been closed.
      RunListener listener = results == null ? printer : results.andThen(printer);
      RunSummary summary = run.execute(trace == null ? listener : listener.andThen(traceRecorder));
      printer.finish(summary);
      if (results != null) {
        results.finish(summary);
      }
      boolean jarSaved = http.request.saveCookieJar(run.cookies(), out, err);
      if (trace != null) {
        writeTrace(traced, summary, err);
      }
      if (summary.interrupted()) {
        return ExitCodes.INTERRUPTED;
      }
      boolean journalSaved = results == null || results.saved();
      return summary.failed() == 0 && printer.failedListSaved() && jarSaved && journalSaved
          ? ExitCodes.OK : ExitCodes.FAILURES;
    }
  }

  private void writeTrace(List<UrlRecord> urls, RunSummary summary, PrintWriter err) {
    String name = "fetch " + summary.mode() + ":" + summary.workers();
    try {
      new ExportWriter(spec.commandLine().getOut()).write(trace.toString(),
          TraceExport.render(List.of(new TraceExport.Track(name, urls))));
    } catch (IOException e) {
      err.println("fetch: cannot write --trace " + trace + ": " + e.getMessage());
      err.flush();
    }
  }

  /** The inputs in command-line order, checked: usage errors before anything else. */
  private Inputs inputs() {
    String unavailable = mode.unavailableReason();
    if (unavailable != null) {
      throw new ModeUnavailableException(unavailable);
    }
    return shard.select(spec, inputArguments.inputs(spec, outside.stdinIsTerminal(),
        spec.subcommands().keySet()), outside.env(), spec.commandLine().getErr());
  }

  /** The one settings record of the run, every option checked. */
  private DownloadSettings settings(PrintWriter err) {
    checkWritable("--trace", trace);
    checkWritable("--save-failed", saveFailed);
    if (workers != null) {
      if (workers < 1 || workers > MAX_WORKERS) {
        throw new ParameterException(spec.commandLine(), "--workers must be between 1 and "
            + MAX_WORKERS + ", not " + workers);
      }
      if (!mode.usesWorkers() && workers != 1) {
        err.println("fetch: --workers=" + workers + " is ignored in " + mode + " mode");
      }
    }
    return http.settings(spec, mode.workers(workers), retries, outputDir).toBuilder()
        .save(save.settings(spec, outputDir)).build();
  }

  /** An output file that cannot be written is a usage error before the first request. */
  private void checkWritable(String option, Path target) {
    if (target == null || target.toString().equals("-") && option.equals("--trace")) {
      return;
    }
    String problem = OutputPaths.problem(target.toString());
    if (problem != null) {
      throw new ParameterException(spec.commandLine(), option + ": cannot write " + target + " ("
          + problem + ")");
    }
  }
}
