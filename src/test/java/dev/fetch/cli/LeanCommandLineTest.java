package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FetchCommandLine#execute}'s lean paths print exactly what the whole command line
 * prints: {@code --version} without the model, and the subcommands as names only.
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

  @ParameterizedTest
  @ValueSource(strings = {"serve", "compare", "demo", "completion", "--help", "-h", "-qh",
      "--order completion list.txt"})
  void theSubcommandsAreWholeWhenNamedOrForHelp(String words) {
    assertTrue(FetchCommandLine.needsSubcommands(words.split(" ")), words);
  }

  private static Cli.Result run(boolean subcommands, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = FetchCommandLine.create(new PrintWriter(out), new PrintWriter(err),
        Cli.keyboard(), subcommands).execute(args);
    return new Cli.Result(code, out.toString(), err.toString());
  }
}
