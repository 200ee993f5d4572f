package dev.fetch.cli;

import dev.fetch.download.DownloadSettings;
import dev.fetch.download.HttpSettings;
import dev.fetch.report.DemoTable;
import dev.fetch.report.Format;
import dev.fetch.report.RunSummary;
import dev.fetch.run.DownloadPlan;
import dev.fetch.run.DownloadRun;
import dev.fetch.run.Order;
import dev.fetch.run.RunContext;
import dev.fetch.server.SeedPages;
import dev.fetch.server.SiteLists;
import dev.fetch.server.SiteServer;
import dev.fetch.strategy.Mode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fetch demo}: the tutorial's experiment, offline. Starts the test site in-process, downloads
 * its copy of the 15 tutorial pages once in every mode, prints how each did, and stops the site.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Runs the tutorial's experiment offline: starts the local test site, downloads "
        + "its 15 tutorial pages (real sizes, 150 ms latency each) once in every mode, and "
        + "prints the times side by side.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every download succeeded", "1:some download failed", "2:usage error"})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "5",
      description = "Workers for the concurrent modes (default: ${DEFAULT-VALUE}, as in the "
          + "tutorial).")
  int workers;

  @Option(names = "--delay", paramLabel = "MS", defaultValue = "150",
      description = "Latency of each page in milliseconds (default: ${DEFAULT-VALUE}).")
  int delayMillis;

  @Override
  public Integer call() throws IOException {
    if (workers < 1 || delayMillis < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--workers must be at least 1 and --delay at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<DemoTable.Row> rows = new ArrayList<>();
    try (SiteServer server = SiteServer.start("127.0.0.1", 0)) {
      String list = SiteLists.seed(server.baseUrl(), delayMillis);
      int pages = SeedPages.sizes().size();
      out.println("fetch demo: " + pages + " tutorial pages from a local site at "
          + server.baseUrl() + "/, " + delayMillis + " ms latency each");
      out.println();
      out.flush();
      for (Mode mode : Mode.values()) {
        if (mode.unavailableReason() != null) {
          out.println(mode + ": skipped: " + mode.unavailableReason());
          continue;
        }
        int concurrency = mode.usesWorkers() ? workers : 1;
        out.print(mode + ": ");
        out.flush();
        RunSummary summary = runOnce(mode, concurrency, list, out, err);
        long rounds = (pages + concurrency - 1) / concurrency;
        rows.add(new DemoTable.Row(summary, Duration.ofMillis(rounds * delayMillis)));
      }
    }
    out.println();
    out.print(DemoTable.format(rows));
    out.println();
    out.println("ideal: the latency alone, ceil(" + SeedPages.sizes().size()
        + " / workers) x " + delayMillis + " ms. Try: fetch serve, then fetch on its /seed.txt.");
    out.flush();
    boolean allGood = rows.stream().allMatch(r -> r.summary().failed() == 0);
    return allGood ? ExitCodes.OK : ExitCodes.FAILURES;
  }

  private static RunSummary runOnce(Mode mode, int workers, String list, PrintWriter out,
      PrintWriter err) {
    HttpSettings http = new HttpSettings(workers, HttpSettings.DEFAULT_CONNECT_TIMEOUT,
        HttpSettings.DEFAULT_TIMEOUT, "fetch-demo/" + VersionProvider.version(), 0);
    DownloadPlan plan = new DownloadPlan("-", mode, workers, Order.COMPLETION, Format.TEXT,
        new DownloadSettings(http, 0, null), null, true);
    RunContext context = RunContext.of(out, err,
        new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)));
    return new DownloadRun(plan, context).execute();
  }
}
