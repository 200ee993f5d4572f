package dev.fetch;

import dev.fetch.cli.FetchCommandLine;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The entry point: run the command line and exit with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Charset charset = Charset.defaultCharset();
    System.exit(FetchCommandLine.create(new PrintWriter(System.out, false, charset),
        new PrintWriter(System.err, true, charset)).execute(args));
  }
}
