package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fetch.testing.Cli;
import dev.fetch.testing.Commands;
import dev.fetch.testing.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages the build writes ({@code target/man}): {@code man -l} renders each without a
 * warning, and fetch(1) has every option of the command line, its exit codes in order, and its
 * examples whole.
 */
class ManPageIT {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"fetch", "fetch-compare", "fetch-demo", "fetch-serve",
      "fetch-completion"})
  void manRendersEveryPageWithoutAWarning(String page) throws Exception {
    Cli.Result man = render(page);

    assertEquals(0, man.exitCode(), man.toString());
    assertEquals("", man.err(), "groff warnings");
    String title = page.toUpperCase(java.util.Locale.ROOT) + "(1)";
    assertTrue(man.out().startsWith(title), man.out());
    assertTrue(man.out().contains("\nNAME\n       " + page + " - "), man.out());
    assertTrue(man.out().contains("\nSYNOPSIS\n       " + page.replace('-', ' ') + " "),
        man.out());
  }

  @Test
  void fetchsPageHasEveryOptionTheExitCodesInOrderAndTheExamples() throws Exception {
    String page = render("fetch").out();
    CommandLine model = FetchCommandLine.forDocumentation(new java.io.PrintWriter(
        java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()));

    for (OptionSpec option : model.getCommandSpec().options()) {
      assertTrue(page.contains(option.longestName()), option.longestName() + " is missing");
    }
    assertTrue(page.contains("cores + 4"), "the man page gives the rule, not this machine's");
    List<Integer> codes = new ArrayList<>();
    String[] lines = page.split("\n");
    int at = List.of(lines).indexOf("EXIT CODES");
    for (int i = at + 1; i < lines.length && !lines[i].equals("EXAMPLES"); i++) {
      if (lines[i].matches(" +\\d+")) {
        codes.add(Integer.parseInt(lines[i].trim()));
      }
    }
    assertEquals(List.of(0, 1, 2, 23, 69, 70, 130, 143), codes, page);
    List<String> stripped = page.lines().map(String::strip).toList();
    for (String line : model.getCommandSpec().usageMessage().footer()) {
      String example = String.format(java.util.Locale.ROOT, line).strip();
      assertTrue(stripped.contains(example), "one line: " + example + " in\n" + page);
    }
    assertFalse(page.contains("\u001b"), "no escape codes");
  }

  /** {@code man -l}, 80 columns wide, as a pipe: plain text. */
  private Cli.Result render(String page) throws Exception {
    assumeTrue(Commands.installed("man"), "man is not installed (.ci/run installs man-db)");
    Path file = Launcher.projectDir().resolve("target/man/" + page + ".1");
    assertTrue(Files.isRegularFile(file), file + " was built");
    return Commands.run(dir, Map.of("PATH", System.getenv("PATH"), "MANWIDTH", "80",
        "MANPAGER", "cat", "LC_ALL", "C.UTF-8", "MAN_KEEP_FORMATTING", ""),
        "man", "--warnings", "-l", file.toString());
  }
}
