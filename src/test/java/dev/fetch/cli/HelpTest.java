package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.Cli;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The help and usage errors a new user meets first. */
class HelpTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--mdoe|--mode",
      "--mdoe=async|--mode=async",
      "--wokers=4|--workers=4",
      "--progres=never|--progress=never",
      "--retry=1|--retries=1"})
  void aMistypedOptionGetsADidYouMean(String typo, String suggestion) {
    Cli.Result result = Cli.run(typo, "list.txt");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("fetch: Unknown option: '" + typo + "'; did you mean '"
        + suggestion + "'?\nTry 'fetch --help' for more information.\n"), result.err());
    assertEquals("", result.out());
  }

  @Test
  void aSubcommandsOptionIsSuggestedFromThatSubcommand() {
    Cli.Result result = Cli.run("compare", "--mods=threads", "list.txt");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("fetch: Unknown option: '--mods=threads'; did you mean "
        + "'--modes=threads'?\n"), result.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-z", "--json"})
  void nothingCloseSuggestsNothing(String word) {
    Cli.Result result = Cli.run(word, "list.txt");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertEquals("fetch: Unknown option: '" + word + "'\n"
        + "Try 'fetch --help' for more information.\n", result.err());
  }

  @Test
  void aControlCharacterInAMistypedOptionIsNotSentToTheTerminal() {
    Cli.Result result = Cli.run("--mode\u001b[2J=x", "list.txt");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertFalse(result.err().contains("\u001b"), result.err());
    assertTrue(result.err().contains("\\u001b[2J"), result.err());
  }

  @Test
  void theSynopsisSaysWhatToTypeFirst() {
    Cli.Result result = Cli.run("--help");

    assertEquals(ExitCodes.OK, result.exitCode());
    assertTrue(result.out().startsWith("Usage: fetch [OPTIONS] "), result.out());
    assertTrue(result.out().lines().findFirst().orElseThrow().endsWith(" [COMMAND]"),
        result.out());
  }

  @Test
  void theWorkersDefaultIsTheOneOfThisMachine() {
    String help = help(everyCommand().get(0), 120);

    int cores = Runtime.getRuntime().availableProcessors();
    assertTrue(help.contains("Downloads at once (default here: " + Math.min(32, cores + 4)
        + " threads, " + cores + " processes, 256 virtual or async)."), help);
  }

  /** Every command's exit codes, in the order the help lists them, are in numeric order. */
  @Test
  void exitCodesAreInNumericOrder() {
    for (CommandLine command : everyCommand()) {
      List<Integer> codes = new ArrayList<>();
      boolean inList = false;
      for (String line : help(command, 80).split("\n")) {
        if (line.equals("Exit codes:")) {
          inList = true;
        } else if (inList && line.matches("  \\d+ .*")) {
          codes.add(Integer.parseInt(line.trim().split(" +")[0]));
        } else if (inList && !line.startsWith("    ")) {
          inList = false;
        }
      }
      List<Integer> sorted = new ArrayList<>(codes);
      sorted.sort(null);
      assertEquals(sorted, codes, command.getCommandName());
      assertFalse(codes.isEmpty(), command.getCommandName() + " lists no exit code");
    }
  }

  /**
   * At the narrowest width picocli allows, every example line is still printed whole: a command
   * copied from the help is the command that was written.
   */
  @Test
  void examplesNeverWrapInsideACommand() {
    int examples = 0;
    for (CommandLine command : everyCommand()) {
      List<String> lines = Arrays.asList(help(command, 55).split("\n"));
      for (String line : command.getCommandSpec().usageMessage().footer()) {
        String example = String.format(java.util.Locale.ROOT, line);
        assertTrue(lines.contains(example), command.getCommandName() + ": '" + example
            + "' is not one line of\n" + help(command, 55));
        examples++;
      }
    }
    assertTrue(examples >= 6, "examples found: " + examples);
  }

  private static String help(CommandLine command, int width) {
    command.setUsageHelpWidth(width);
    command.setUsageHelpAutoWidth(false);
    return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  private static List<CommandLine> everyCommand() {
    CommandLine root = FetchCommandLine.create(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), new Outside(InputStream.nullInputStream(), true,
            Map.of(), Interrupts.none(), dev.fetch.time.Time.system()));
    List<CommandLine> all = new ArrayList<>();
    all.add(root);
    all.addAll(root.getSubcommands().values());
    return all;
  }
}
