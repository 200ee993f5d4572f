package dev.fetch;

import dev.fetch.cli.FetchCommandLine;
import dev.fetch.output.StandardOutput;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point: run the command line and exit with its code. */
public final class Main {
  private Main() {}

  /** Output is UTF-8 whatever the locale: JSON lines and CSV must be, and URLs are ASCII. */
  public static void main(String[] args) {
    System.exit(FetchCommandLine.execute(StandardOutput.open(),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
  }
}
