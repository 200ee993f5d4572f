package dev.fetch.cli;

import dev.fetch.compare.Benchmark;
import dev.fetch.compare.Combination;
import dev.fetch.compare.ComparePlan;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Environment;
import dev.fetch.compare.FetchRunExecutor;
import dev.fetch.compare.OutputTargets;
import dev.fetch.compare.PlanException;
import dev.fetch.compare.export.CompareTable;
import dev.fetch.compare.export.Exports;
import dev.fetch.download.DownloadSettings;
import dev.fetch.input.Inputs;
import dev.fetch.download.NetworkProperties;
import dev.fetch.log.Diagnostics;
import dev.fetch.output.ExportWriter;
import dev.fetch.server.SeedPages;
import dev.fetch.server.SiteLists;
import dev.fetch.server.SiteServer;
import dev.fetch.strategy.Mode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fetch demo}: the tutorial's experiment, offline. Starts the test site in-process, compares
 * every mode this Java can run on its copy of the 15 tutorial pages, prints the table, writes the
 * HTML report, and stops the site.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Runs the tutorial's experiment offline: starts the local test site, compares "
        + "every mode on its 15 tutorial pages (real sizes, 150 ms latency each), prints the "
        + "table and writes the HTML report.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every download succeeded", "1:some download failed", "2:usage error",
        "130:interrupted"})
final class DemoCommand implements Callable<Integer> {
  /** The seed of the run order: the demo is the same experiment every time. */
  private static final long SEED = 2_400;

  @Spec CommandSpec spec;

  @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "5",
      description = "Workers for the concurrent modes (default: ${DEFAULT-VALUE}, as in the "
          + "tutorial).")
  int workers;

  @Option(names = "--delay", paramLabel = "MS", defaultValue = "150",
      description = "Latency of each page in milliseconds (default: ${DEFAULT-VALUE}).")
  int delayMillis;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "6",
      description = "Runs per mode, 1 to 10000 (default: ${DEFAULT-VALUE}, the fewest that give "
          + "a 95%% interval of the median).")
  int runs;

  @Option(names = "--report", paramLabel = "FILE.html", defaultValue = "fetch-demo.html",
      description = "Where to write the HTML report (default: ${DEFAULT-VALUE}).")
  Path report;

  private final Interrupts interrupts;

  DemoCommand(Interrupts interrupts) {
    this.interrupts = interrupts;
  }

  @Override
  @SuppressWarnings("try") // the signal watch is held for its scope, not used by name
  public Integer call() throws IOException {
    if (workers < 1 || delayMillis < 0) {
      throw new ParameterException(spec.commandLine(),
          "--workers must be at least 1 and --delay at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Combination> combinations = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      if (mode.unavailableReason() != null) {
        skipped.add(mode + ": skipped: " + mode.unavailableReason());
      } else {
        combinations.add(new Combination(mode, mode.usesWorkers() ? workers : 1));
      }
    }
    int pages = SeedPages.sizes().size();
    ComparePlan plan = plan(combinations, pages);
    skipped.forEach(out::println);
    Comparison comparison;
    try (SiteServer server = SiteServer.start("127.0.0.1", 0)) {
      out.println("fetch demo: " + pages + " tutorial pages from a local site at "
          + server.baseUrl() + "/, " + delayMillis + " ms latency each; " + runs + " run"
          + (runs == 1 ? "" : "s") + " per mode");
      out.println();
      out.flush();
      byte[] list = SiteLists.seed(server.baseUrl(), delayMillis)
          .getBytes(StandardCharsets.UTF_8);
      DownloadSettings settings = DownloadSettings.builder().workers(workers).retries(0)
          .userAgent("fetch-demo/" + VersionProvider.version())
          .network(NetworkProperties.current()).build();
      FetchRunExecutor executor = new FetchRunExecutor(Inputs.of("-"), list, settings, false,
          Diagnostics.to(err, false));
      Benchmark benchmark = new Benchmark(executor, Environment.current(
          VersionProvider.version(), Instant.now().toString()));
      try (Interrupts.Watch watch = interrupts.watch(benchmark::cancel)) {
        comparison = benchmark.run(plan, (record, total, soFar) -> {
          err.println(String.format(Locale.ROOT, "%-16s %8.3f s", record.combination(),
              record.seconds()));
          err.flush();
        });
      } catch (InterruptedException e) {
        err.println("fetch demo: interrupted");
        return ExitCodes.INTERRUPTED;
      } finally {
        executor.close();
      }
    }
    out.print(CompareTable.render(comparison));
    Exports.writeAll(comparison, plan.outputs(), new ExportWriter(out));
    out.println();
    out.println("ideal: each page's own time, on the workers' lanes. Report: " + report);
    out.println("Try it yourself: fetch serve, then fetch compare on its /seed.txt.");
    out.flush();
    boolean failures = comparison.results().stream().anyMatch(r -> r.failedRuns() > 0);
    return failures ? ExitCodes.FAILURES : ExitCodes.OK;
  }

  /** The demo's comparison, checked (runs, the report's path) before the site starts. */
  private ComparePlan plan(List<Combination> combinations, int pages) {
    try {
      return ComparePlan.builder()
          .list("the tutorial's " + pages + " pages", pages)
          .combinations(combinations)
          .runs(runs)
          .warmup(0)
          .seed(SEED)
          .outputs(OutputTargets.of(null, null, null, null, report.toString(), null))
          .build();
    } catch (PlanException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
