package dev.fetch.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the real {@code ./fetch} launcher script as a child process. */
public final class Launcher {
  private Launcher() {}

  /** The repository root, where the launcher lives. */
  public static Path projectDir() {
    return Path.of(System.getProperty("fetch.projectDir", ".")).toAbsolutePath();
  }

  /** Starts {@code ./fetch args}, its stdout and stderr going to files in {@code dir}. */
  public static Process start(Path dir, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(projectDir().resolve("fetch").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Runs {@code ./fetch args} to the end (at most two minutes). */
  public static Cli.Result run(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Process process = start(dir, env, args);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("fetch did not finish");
    }
    return result(dir, process.exitValue());
  }

  public static Cli.Result result(Path dir, int exitCode) throws IOException {
    return new Cli.Result(exitCode,
        Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }

  /** Sends {@code signal} (e.g. {@code INT}) to a process, as a shell's {@code kill} would. */
  public static void kill(Process process, String signal)
      throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
        .inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + signal + " failed");
    }
  }
}
