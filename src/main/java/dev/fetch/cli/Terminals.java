package dev.fetch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard input, output or error is a terminal: to decide where a progress bar may go,
 * and never to wait on a keyboard for a list nobody gave.
 */
final class Terminals {
  private Terminals() {}

  static boolean stdinIsTerminal() {
    return isTerminal(0);
  }

  static boolean stdoutIsTerminal() {
    return isTerminal(1);
  }

  static boolean stderrIsTerminal() {
    return isTerminal(2);
  }

  /**
   * True when file descriptor {@code fd} is a terminal. Java has no isatty; on Linux the
   * descriptor's link names the device. Elsewhere, falls back to {@code System.console()}.
   */
  private static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    if (Files.exists(link)) {
      try {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
