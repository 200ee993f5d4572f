package dev.fetch.cli;

import dev.fetch.server.ServerStats;
import dev.fetch.server.SiteServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fetch serve}: runs the local test site until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Runs fetch's local test site: deterministic pages with chosen sizes, latency, "
        + "statuses and faults, for comparing download modes offline. Prints the base URL on "
        + "stdout; Ctrl-C stops it.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  fetch serve --port 8080 &",
        "  curl -s http://127.0.0.1:8080/seed.txt > seed.txt && fetch seed.txt",
        "  curl -s 'http://127.0.0.1:8080/list?count=1000&size=16384&delay=50' | fetch -w 32 -"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:stopped by Ctrl-C or SIGTERM",
        "2:usage error, or the port is already in use"})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  private final Interrupts interrupts;

  ServeCommand(Interrupts interrupts) {
    this.interrupts = interrupts;
  }

  @Override
  @SuppressWarnings("try") // the signal watch is held for its scope, not used by name
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not "
          + port);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (SiteServer server = SiteServer.start(bind, port);
        Interrupts.Watch watch = interrupts.watch(server::close)) {
      out.println(server.baseUrl() + "/");
      out.flush();
      err.println("fetch: test site listening on " + server.baseUrl() + "/ (Ctrl-C to stop)");
      err.println("  curl -s " + server.baseUrl() + "/seed.txt > seed.txt && fetch seed.txt");
      err.flush();
      server.awaitClose();
      ServerStats stats = server.stats();
      err.println("fetch: test site stopped after " + stats.requests() + " requests (at most "
          + stats.maxOpenConnections() + " connections at once)");
      err.flush();
      return ExitCodes.OK;
    }
  }
}
