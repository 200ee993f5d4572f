package dev.fetch.output;

import dev.fetch.time.Ticker;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;

/**
 * The last line of a terminal, kept for a status (the progress bar), with every other line
 * written above it: lines scroll up over the status, which is redrawn under them, as cargo, pip
 * and aria2c do. No line is ever interleaved with the status or torn by it.
 *
 * <p>The status is drawn as {@code \r TEXT SPACE ESC[K BS}: the cursor rests on the space after
 * the text. When the window narrows, a terminal that reflows its lines (tmux, VTE, kitty, iTerm2,
 * Windows Terminal) splits a status that no longer fits into rows and keeps the cursor on that
 * space, in the last of them, whether or not the screen scrolled; so the status is erased by going
 * up as many rows as the space is below its first character at the new width, then erasing to the
 * end of the screen ({@code ESC[J}), and nothing above it is touched. (A terminal that does not
 * reflow, such as xterm, only cuts the line: there that climb erases as many lines above the
 * status, on a narrowing resize only.)
 *
 * <p>Thread-safe: one lock orders drawing, clearing and lines, and is held while they are written
 * (as {@code Diagnostics} holds the writer's), which is what keeps them whole. Lines written through
 * {@link #lines()} by any thread, and output run by {@link #above} (standard output on the same
 * terminal), go above the status; after them the status is drawn again at once, or, when it was
 * drawn less than {@link #REDRAW_AFTER} ago, on the next {@link #show}, so a burst of lines is not
 * slowed by redrawing under each.
 */
final class StatusLine {
  static final Duration REDRAW_AFTER = Duration.ofMillis(50);
  private final PrintWriter terminal;
  private final Ticker ticker;
  private final TerminalWidth width;
  private final Object lock = new Object();
  /** The status to show, or null; guarded by {@link #lock}. */
  private String text;
  /** Whether {@link #text} is on the screen now; guarded by {@link #lock}. */
  private boolean drawn;
  /** The length drawn, the space after the text included; guarded by {@link #lock}. */
  private int drawnLength;
  private long drawnAt;
  /** Set by {@link #close}; guarded by {@link #lock}. */
  private boolean closed;
  private final Above above = new Above();
  private final PrintWriter lines;

  /**
   * @param terminal the terminal's writer (stderr); not owned
   * @param width the terminal's columns now, to erase a status a resize split into rows
   */
  StatusLine(PrintWriter terminal, Ticker ticker, TerminalWidth width) {
    this.terminal = terminal;
    this.ticker = ticker;
    this.width = width;
    this.lines = new PrintWriter(above, true);
  }

  /**
   * Shows {@code status} in place of the last: printable, and at least two columns narrower than
   * the terminal (the cursor rests on the column after it).
   */
  void show(String status) {
    synchronized (lock) {
      if (!closed) {
        text = status;
        draw();
      }
    }
  }

  /**
   * Removes the status from the screen for good: later {@link #show}s do nothing, and a line
   * still waiting for its newline is written. Lines still go above, to the bare terminal.
   */
  void close() {
    synchronized (lock) {
      closed = true;
      text = null;
      erase();
      above.writePending();
      terminal.flush();
    }
  }

  /** Runs {@code write}, which prints whole lines elsewhere on this terminal, above the status. */
  void above(Runnable write) {
    synchronized (lock) {
      erase();
      terminal.flush();
      write.run();
      restore();
    }
  }

  /**
   * A writer for stderr's other lines (diagnostics, warnings): each complete line goes above the
   * status; a line without its newline waits for it (or for {@code close}).
   */
  PrintWriter lines() {
    return lines;
  }

  private void draw() {
    erase();
    if (text != null) {
      terminal.write("\r" + text + " \u001b[K\b");
      drawn = true;
      drawnLength = text.length() + 1;
      drawnAt = ticker.read();
    }
    terminal.flush();
  }

  private void erase() {
    if (drawn) {
      int rowsAbove = (drawnLength - 1) / width.columns();
      terminal.write(rowsAbove > 0 ? "\r\u001b[" + rowsAbove + "A\u001b[J" : "\r\u001b[J");
      drawn = false;
    }
  }

  private void restore() {
    if (text != null && ticker.read() - drawnAt >= REDRAW_AFTER.toNanos()) {
      draw();
    }
  }

  /** The writer behind {@link #lines()}. */
  private final class Above extends Writer {
    private final StringBuilder pending = new StringBuilder();

    @Override
    public void write(char[] chars, int offset, int length) {
      synchronized (lock) {
        pending.append(chars, offset, length);
        int end = pending.lastIndexOf("\n");
        if (end >= 0) {
          erase();
          terminal.write(pending.substring(0, end + 1));
          pending.delete(0, end + 1);
          terminal.flush();
          restore();
        }
      }
    }

    @Override
    public void flush() {
      synchronized (lock) {
        terminal.flush();
      }
    }

    /** Writes a line still waiting for its newline; the terminal stays open. */
    @Override
    public void close() {
      synchronized (lock) {
        writePending();
        terminal.flush();
      }
    }

    /** Writes what waits for its newline; called with {@link #lock} held. */
    void writePending() {
      if (pending.length() > 0) {
        erase();
        terminal.write(pending.toString());
        pending.setLength(0);
      }
    }
  }
}
