package dev.fetch.output;

import dev.fetch.time.Ticker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * A terminal's width from {@code stty size} run on its device (Java cannot ask a terminal
 * itself), asked again when the window is resized (SIGWINCH, trapped through
 * {@code sun.misc.Signal}) and at least every {@link #RECHECK_NANOS} in case that signal cannot be
 * trapped. Thread-safe; {@link #columns} may block for the few milliseconds {@code stty} takes.
 */
final class SttyWidth implements TerminalWidth {
  static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(2);
  /** Set by SIGWINCH; one for the process, as the signal is. */
  private static final AtomicBoolean RESIZED = new AtomicBoolean(true);
  private static final AtomicBoolean TRAPPED = new AtomicBoolean();

  private final Path device;
  private final int fallback;
  private final Ticker ticker;
  private volatile int columns;
  private volatile long askedAt;

  /** @param fallback the width when {@code stty} cannot tell */
  SttyWidth(Path device, int fallback, Ticker ticker) {
    this.device = device;
    this.fallback = fallback;
    this.ticker = ticker;
    trapResizes();
  }

  @Override
  public int columns() {
    long now = ticker.read();
    if (RESIZED.getAndSet(false) || columns == 0 || now - askedAt > RECHECK_NANOS) {
      askedAt = now;
      columns = Math.max(20, ask());
    }
    return columns;
  }

  private int ask() {
    if (!Files.exists(device)) {
      return fallback;
    }
    try {
      Process stty = new ProcessBuilder("stty", "size").redirectInput(device.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      // Wait first, with the deadline, then read: its few bytes fit the pipe, and reading first
      // would wait as long as stty does.
      if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
        stty.destroyForcibly();
        return fallback;
      }
      String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String[] rowsAndColumns = size.trim().split("\\s+");
      int parsed = Integer.parseInt(rowsAndColumns[rowsAndColumns.length - 1]);
      return parsed > 0 ? parsed : fallback;
    } catch (IOException | NumberFormatException e) {
      return fallback;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback;
    }
  }

  private static void trapResizes() {
    if (TRAPPED.getAndSet(true)) {
      return;
    }
    try {
      Signal.handle(new Signal("WINCH"), signal -> RESIZED.set(true));
    } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
      // No SIGWINCH here (or -Xrs): the width is asked again every RECHECK_NANOS.
    }
  }
}
