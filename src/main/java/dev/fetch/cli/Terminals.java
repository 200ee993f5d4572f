package dev.fetch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, so a progress bar can be drawn there. */
final class Terminals {
  private Terminals() {}

  /**
   * True when file descriptor 2 is a terminal. Java has no isatty; on Linux the descriptor's
   * link names the device. Elsewhere, falls back to {@code System.console()}.
   */
  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.exists(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
