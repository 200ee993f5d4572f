package dev.fetch.cli;

import dev.fetch.time.Time;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the command line takes from the process it runs in, besides its arguments and
 * output streams: standard input and whether it is a terminal, the environment (proxy variables,
 * {@code CI}), how interrupts arrive, and time. {@link #real()} is the process's own; tests give
 * their own so that nothing depends on how the test JVM was started.
 *
 * @param stdin standard input, read when a list is {@code -} (or none is given and it is a pipe)
 * @param stdinIsTerminal true when standard input is a terminal, so it is never read unasked
 * @param env the environment variables, by name
 */
public record Outside(InputStream stdin, boolean stdinIsTerminal, Map<String, String> env,
    Interrupts interrupts, Time time) {

  public Outside {
    Objects.requireNonNull(stdin, "stdin");
    env = Map.copyOf(env);
    Objects.requireNonNull(interrupts, "interrupts");
    Objects.requireNonNull(time, "time");
  }

  /** This process: real standard input, environment, OS signals and time. */
  public static Outside real() {
    return new Outside(System.in, Terminals.stdinIsTerminal(), System.getenv(),
        new SignalInterrupts(), Time.system());
  }

  /** These surroundings with another environment. */
  public Outside withEnv(Map<String, String> env) {
    return new Outside(stdin, stdinIsTerminal, env, interrupts, time);
  }
}
