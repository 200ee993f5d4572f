package dev.fetch.testing;

import dev.fetch.cli.FetchCommandLine;
import dev.fetch.cli.Interrupts;
import dev.fetch.cli.Outside;
import dev.fetch.time.Time;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Runs the fetch command line in-process, through picocli's {@code execute()}, with real clocks
 * but back-offs that pass at once ({@link FakeTime#instantWaits()}): no test waits for a retry.
 */
public final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    public List<String> outLines() {
      return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs with no environment and standard input a terminal nobody types on. */
  public static Result run(String... args) {
    return run(keyboard(), args);
  }

  /** Runs with {@code stdin} as a pipe. */
  public static Result runWithStdin(String stdin, String... args) {
    return runWithStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  /** Runs with {@code stdin} as a pipe. */
  public static Result runWithStdin(InputStream stdin, String... args) {
    return runWith(Interrupts.none(), stdin, args);
  }

  /** Runs with the given environment variables (e.g. {@code https_proxy}). */
  public static Result runWithEnv(Map<String, String> env, String... args) {
    return run(keyboard().withEnv(env), args);
  }

  /** Runs with the given interrupts, e.g. {@link ManualInterrupts} to stand in for Ctrl-C. */
  public static Result runWith(Interrupts interrupts, InputStream stdin, String... args) {
    return runWith(cli -> { }, interrupts, stdin, args);
  }

  /**
   * Runs on the real command line after {@code setUp} has adjusted it, e.g. put a fake executor
   * into a command (the tests of a command's package can reach its seams).
   */
  public static Result runWith(Consumer<CommandLine> setUp, Interrupts interrupts,
      InputStream stdin, String... args) {
    return run(new Outside(stdin, false, Map.of(), interrupts, FakeTime.instantWaits()), setUp,
        args);
  }

  /** Runs with the given time, e.g. a {@link FakeTime} whose waits a test inspects. */
  public static Result runWithTime(Time time, String... args) {
    return run(new Outside(InputStream.nullInputStream(), true, Map.of(), Interrupts.none(),
        time), args);
  }

  /** Runs with every outside dependency given. */
  public static Result run(Outside outside, String... args) {
    return run(outside, cli -> { }, args);
  }

  /** Runs with every outside dependency given, after {@code setUp} has adjusted the command line. */
  public static Result run(Outside outside, Consumer<CommandLine> setUp, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = FetchCommandLine.create(new PrintWriter(out), new PrintWriter(err),
        outside);
    setUp.accept(cli);
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Standard input a terminal nobody types on, no environment, back-offs that pass at once. */
  public static Outside keyboard() {
    return new Outside(InputStream.nullInputStream(), true, Map.of(), Interrupts.none(),
        FakeTime.instantWaits());
  }
}
