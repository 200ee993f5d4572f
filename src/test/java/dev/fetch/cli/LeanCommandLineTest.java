package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FetchCommandLine#execute}'s lean paths print exactly what the whole command line
 * prints: {@code --version} without the model, the subcommands as names only, and a plain
 * download started after its {@link Warmup}.
 */
class LeanCommandLineTest {
  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V"})
  void theVersionIsWhatPicocliPrints(String option) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = FetchCommandLine.execute(new PrintWriter(out), new PrintWriter(err), option);

    assertEquals(new Cli.Result(0, out.toString(), ""), new Cli.Result(code, out.toString(),
        err.toString()));
    assertEquals(Cli.run(option).out(), out.toString());
  }

  /** Each argument list is split on spaces; '~' stands for a missing file. */
  @ParameterizedTest
  @ValueSource(strings = {"comapre", "serv", "~", "--mdoe=async ~", "--workers=0 ~",
      "-m nope ~", "-q", "--order=completion ~", "-f csv --progres=never ~", "-qv ~",
      "-x ftp://proxy ~", "--timeout=x ~"})
  void withoutTheSubcommandsModelsARunReadsTheSame(String words) {
    String[] args = words.replace("~", "no-such-list.txt").split(" ");
    assertFalse(FetchCommandLine.needsSubcommands(args), words);

    assertEquals(Cli.run(args).toString(), run(false, args).toString());
  }

  /**
   * The real entry's plain download (the warm-up beside the model, the command after it) reads
   * as the whole command line does: a usage error, and a download.
   */
  @Test
  void thePlainDownloadOfTheRealEntryReadsTheSame() throws Exception {
    String[] missing = {"-w", "5", "no-such-list.txt"};
    assertEquals(Cli.run(missing).toString(), execute(missing).toString());

    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().body("hello").build());
      server.start();
      String url = server.url("/a").toString();
      Cli.Result result = execute("-f", "csv", "--progress=never", url);

      assertEquals(0, result.exitCode(), result.toString());
      assertTrue(result.out().contains("," + url + ",200,"), result.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-m processes", "--mode processes", "--mode=processes", "-mprocesses",
      "-m=processes", "-q -w 2 -m processes list.txt"})
  void processesModeIsToldBeforeParsing(String words) {
    assertTrue(FetchCommandLine.namesProcessesMode(words.split(" ")), words);
  }

  @ParameterizedTest
  @ValueSource(strings = {"processes", "-m threads processes", "--mode=async", "-w 2 list.txt"})
  void otherModesAreNot(String words) {
    assertFalse(FetchCommandLine.namesProcessesMode(words.split(" ")), words);
  }

  @ParameterizedTest
  @ValueSource(strings = {"serve", "compare", "demo", "completion", "--help", "-h", "-qh",
      "--order completion list.txt"})
  void theSubcommandsAreWholeWhenNamedOrForHelp(String words) {
    assertTrue(FetchCommandLine.needsSubcommands(words.split(" ")), words);
  }

  private static Cli.Result execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = FetchCommandLine.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Cli.Result(code, out.toString(), err.toString());
  }

  private static Cli.Result run(boolean subcommands, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = FetchCommandLine.create(new PrintWriter(out), new PrintWriter(err),
        Cli.keyboard(), subcommands).execute(args);
    return new Cli.Result(code, out.toString(), err.toString());
  }
}
