package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fetch.testing.Cli;
import dev.fetch.testing.Tmux;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fetch completion}: the script is printed, and a real interactive bash in a real
 * terminal (tmux) loads it and completes with it, as a user pressing Tab sees.
 */
class CompletionTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void printsTheScriptForBashAndZsh() {
    Cli.Result bash = Cli.run("completion", "bash");
    Cli.Result zsh = Cli.run("completion", "zsh");

    assertEquals(ExitCodes.OK, bash.exitCode(), bash.toString());
    assertTrue(bash.out().startsWith("#!/usr/bin/env bash\n"), bash.out());
    assertTrue(bash.out().endsWith("complete -F _complete_fetch_words -o default fetch\n"),
        bash.out());
    assertEquals(bash.out(), zsh.out(), "zsh loads the same script through bashcompinit");
    assertEquals("", bash.err());
  }

  @Test
  void anUnknownShellIsAUsageError() {
    Cli.Result result = Cli.run("completion", "fish");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.err().contains("'fish' is not one of bash, zsh"), result.err());
  }

  @Test
  void theOrderNamedCompletionIsNotTheSubcommand() {
    Cli.Result result = Cli.run("--order", "completion", dir.resolve("none.txt").toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.err().contains("none.txt"), "the list is the problem: " + result.err());
  }

  @Test
  void bashParsesTheScript() throws Exception {
    Path script = script();
    Process check = new ProcessBuilder("bash", "-n", script.toString())
        .redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, check.waitFor(), output);
    assertEquals("", output);
  }

  @Test
  void bashCompletesOptionsValuesSubcommandsAndFiles() throws Exception {
    assumeTrue(Tmux.available(), "tmux is not installed");
    Path script = script();
    Files.writeString(dir.resolve("sites.txt"), "https://example.com/\n");
    Files.writeString(dir.resolve("inputrc"), "set bell-style none\n");
    Path rc = dir.resolve("bashrc");
    Files.writeString(rc, "PS1='$ '\nsource " + script + "\n");
    try (Tmux terminal = Tmux.start(dir, 100, 30, "env", "-i", "HOME=" + dir,
        "PATH=/usr/bin:/bin", "TERM=screen", "INPUTRC=" + dir.resolve("inputrc"),
        "bash", "--noprofile", "--rcfile", rc.toString(), "-i")) {
      terminal.await("the prompt", DEADLINE, screen -> lastLine(screen).equals("$"));

      complete(terminal, "fetch --mo", "Tab", "$ fetch --mode");
      complete(terminal, "fetch --mode=thr", "Tab", "$ fetch --mode=threads");
      complete(terminal, "fetch -f cs", "Tab", "$ fetch -f csv");
      complete(terminal, "fetch --progress=ne", "Tab", "$ fetch --progress=never");
      complete(terminal, "fetch si", "Tab", "$ fetch sites.txt");
      complete(terminal, "fetch compare --mod", "Tab", "$ fetch compare --modes");
      complete(terminal, "fetch completion b", "Tab", "$ fetch completion bash");

      terminal.type("fetch --mode=");
      terminal.press("Tab", "Tab");
      String screen = terminal.await("the five modes", DEADLINE, s -> s.contains("sequential")
          && s.contains("threads") && s.contains("processes") && s.contains("virtual")
          && s.contains("async"));
      assertTrue(lastLine(screen).equals("$ fetch --mode="), screen);
      terminal.press("C-u");

      terminal.type("fetch comp");
      terminal.press("Tab", "Tab");
      screen = terminal.await("both subcommands", DEADLINE,
          s -> s.contains("compare") && s.contains("completion") && s.contains("$ fetch comp"));
      assertTrue(lastLine(screen).equals("$ fetch comp"), screen);
    }
  }

  /** zsh keeps {@code --mode=thr} one word, where bash splits it at the '=': both complete. */
  @Test
  void zshCompletesWithTheSameScript() throws Exception {
    assumeTrue(Tmux.available(), "tmux is not installed");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of(
        "/bin/zsh")), "zsh is not installed (.ci/run installs it)");
    Path script = script();
    Files.writeString(dir.resolve("sites.txt"), "https://example.com/\n");
    Files.writeString(dir.resolve(".zshrc"), "PS1='$ '\nautoload -U compinit && compinit -u\n"
        + "source " + script + "\n");
    try (Tmux terminal = Tmux.start(dir, 100, 30, "env", "-i", "HOME=" + dir,
        "ZDOTDIR=" + dir, "PATH=/usr/bin:/bin", "TERM=screen", "zsh", "-i")) {
      terminal.await("the prompt", DEADLINE, screen -> lastLine(screen).equals("$"));

      complete(terminal, "fetch --mo", "Tab", "$ fetch --mode");
      complete(terminal, "fetch --mode=thr", "Tab", "$ fetch --mode=threads");
      complete(terminal, "fetch -f cs", "Tab", "$ fetch -f csv");
      complete(terminal, "fetch si", "Tab", "$ fetch sites.txt");
      complete(terminal, "fetch compare --mod", "Tab", "$ fetch compare --modes");

      terminal.type("fetch --mode=");
      terminal.press("Tab");
      String screen = terminal.await("the five modes", DEADLINE, s -> s.contains(
          "--mode=sequential") && s.contains("--mode=threads") && s.contains("--mode=processes")
          && s.contains("--mode=virtual") && s.contains("--mode=async"));
      assertTrue(screen.contains("$ fetch --mode="), screen);
    }
  }

  /** Types {@code typed}, presses {@code key}, and waits for the line to read {@code line}. */
  private static void complete(Tmux terminal, String typed, String key, String line)
      throws Exception {
    terminal.type(typed);
    terminal.press(key);
    terminal.await("'" + line + "' after " + key, DEADLINE,
        screen -> lastLine(screen).equals(line));
    terminal.press("C-u");
    terminal.await("an empty prompt", DEADLINE, screen -> lastLine(screen).equals("$"));
  }

  private static String lastLine(String screen) {
    List<String> lines = screen.stripTrailing().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
  }

  private Path script() throws Exception {
    Cli.Result result = Cli.run("completion", "bash");
    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    Path script = dir.resolve("fetch.bash");
    Files.writeString(script, result.out());
    return script;
  }
}
