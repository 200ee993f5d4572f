package dev.fetch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for tests: a tmux server of its own (its socket in a test's directory), with
 * one window of a chosen size running one command in a pseudo-terminal. Tests type into it and
 * read its screen with {@code capture-pane}, waiting for what they expect with a deadline,
 * never for a fixed time. The pane stays on screen after its command exits. {@link #close} kills
 * the server and everything in it.
 */
public final class Tmux implements AutoCloseable {
  private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(20);
  private final Path socket;

  private Tmux(Path socket) {
    this.socket = socket;
  }

  /** Whether tmux can be run here; tests that need it assume this. */
  public static boolean available() {
    try {
      Process probe = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Starts {@code command} in a {@code columns} × {@code rows} terminal, with no status line, in
   * {@code dir}, its environment the test's own but for {@code TERM}.
   */
  public static Tmux start(Path dir, int columns, int rows, String... command)
      throws IOException, InterruptedException {
    Path config = dir.resolve("tmux.conf");
    Files.writeString(config, String.join("\n",
        "set -g status off",
        "set -g remain-on-exit on",
        "set -g history-limit 10000",
        "set -g default-terminal screen",
        ""));
    Tmux tmux = new Tmux(dir.resolve("tmux.sock"));
    List<String> args = new ArrayList<>(List.of("-f", config.toString(), "new-session", "-d",
        "-x", String.valueOf(columns), "-y", String.valueOf(rows), "-c", dir.toString(), "--"));
    args.addAll(List.of(command));
    tmux.run(args.toArray(String[]::new));
    return tmux;
  }

  /** Types {@code text} literally, as if pasted key by key. */
  public void type(String text) throws IOException, InterruptedException {
    run("send-keys", "-l", "--", text);
  }

  /** Presses keys by tmux's names: {@code Tab}, {@code Enter}, {@code C-u}, {@code C-c}. */
  public void press(String... keys) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys"));
    args.addAll(List.of(keys));
    run(args.toArray(String[]::new));
  }

  /** The visible screen, one line per row, trailing blanks removed. */
  public String screen() throws IOException, InterruptedException {
    return run("capture-pane", "-p");
  }

  /** The screen and the lines that scrolled off it, oldest first. */
  public String history() throws IOException, InterruptedException {
    return run("capture-pane", "-p", "-S", "-");
  }

  /** Resizes the window, as dragging a terminal's corner does (the program gets SIGWINCH). */
  public void resize(int columns, int rows) throws IOException, InterruptedException {
    run("resize-window", "-x", String.valueOf(columns), "-y", String.valueOf(rows));
  }

  /** Whether the command has exited (the pane is dead). */
  public boolean exited() throws IOException, InterruptedException {
    return run("display-message", "-p", "#{pane_dead}").trim().equals("1");
  }

  /**
   * Waits until the screen satisfies {@code expected}, checking every 20 ms, and returns it.
   *
   * @throws AssertionError naming {@code what} and showing the last screen, after
   *     {@code deadline}
   */
  public String await(String what, Duration deadline, Predicate<String> expected)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    String screen = screen();
    while (!expected.test(screen)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the terminal never showed " + what + "; last screen:\n"
            + screen);
      }
      Thread.sleep(20);
      screen = screen();
    }
    return screen;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("tmux", "-S", socket.toString(), "kill-server")
        .redirectErrorStream(true).start();
    kill.getInputStream().readAllBytes();
    kill.waitFor(10, TimeUnit.SECONDS);
  }

  private String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(COMMAND_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("tmux " + String.join(" ", args) + " did not return");
    }
    if (process.exitValue() != 0) {
      throw new IOException("tmux " + String.join(" ", args) + " failed: " + output);
    }
    return output;
  }
}
