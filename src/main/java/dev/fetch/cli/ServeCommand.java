package dev.fetch.cli;

import dev.fetch.log.Diagnostics;
import dev.fetch.output.ExportWriter;
import dev.fetch.output.OutputPaths;
import dev.fetch.server.ServerStats;
import dev.fetch.server.SiteServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fetch serve}: runs the local test site until Ctrl-C or SIGTERM. With
 * {@code --ready-file FILE} it writes the base URL to FILE once the site accepts connections
 * (whole, by a rename, so a reader never sees half of it) and removes it when the site stops, so
 * a script in the background can wait for the file instead of guessing.
 */
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
        "  curl -s 'http://127.0.0.1:8080/list?count=1000&size=16384&delay=50' | fetch -w 32 -",
        "  fetch serve --port 0 --ready-file site.url &",
        "  while [ ! -s site.url ]; do sleep 0.1; done; curl -s \"$(cat site.url)seed.txt\""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:stopped by Ctrl-C or SIGTERM",
        "2:usage error, the port is already in use, or the ready file cannot be written"})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--ready-file", paramLabel = "FILE", description = "Once the site accepts "
      + "connections, write its base URL (as printed) to FILE; remove FILE when it stops. An "
      + "old FILE is removed at start.")
  String readyFile;

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
    Path ready = readyFile();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (SiteServer server = SiteServer.start(bind, port);
        Interrupts.Watch watch = interrupts.watch(server::close)) {
      try {
        out.println(server.baseUrl() + "/");
        out.flush();
        if (ready != null) {
          new ExportWriter(out).write(ready.toString(), server.baseUrl() + "/\n");
        }
        err.println("fetch: test site listening on " + server.baseUrl() + "/ (Ctrl-C to stop)");
        err.println("  curl -s " + server.baseUrl() + "/seed.txt > seed.txt && fetch seed.txt");
        err.flush();
        server.awaitClose();
      } finally {
        if (ready != null) {
          Files.deleteIfExists(ready);
        }
      }
      ServerStats stats = server.stats();
      err.println("fetch: test site stopped after " + stats.requests() + " requests (at most "
          + stats.maxOpenConnections() + " connections at once)");
      err.flush();
      return ExitCodes.OK;
    }
  }

  /**
   * The ready file, checked to be writable and with any stale copy removed (a file left by a
   * killed server must not look ready), before the site starts; null without the option.
   */
  private Path readyFile() throws IOException {
    if (readyFile == null) {
      return null;
    }
    String problem = readyFile.isEmpty() ? "an empty path names no file"
        : readyFile.equals("-") ? "standard output is not a file; the URL is printed there anyway"
        : OutputPaths.problem(readyFile);
    if (problem != null) {
      throw new ParameterException(spec.commandLine(), Diagnostics.printable("--ready-file: "
          + "cannot write " + readyFile + " (" + problem + ")"));
    }
    Path path = Path.of(readyFile).toAbsolutePath();
    Files.deleteIfExists(path);
    return path;
  }
}
