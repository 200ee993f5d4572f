package dev.fetch.output;

import dev.fetch.time.Ticker;
import java.nio.file.Path;
import java.util.Map;

/** How many columns a terminal has now, which changes when its window is resized. */
@FunctionalInterface
public interface TerminalWidth {
  /** The columns now; at least 20. Thread-safe. */
  int columns();

  /** A fixed width: for tests, and for a display that is not on a terminal. */
  static TerminalWidth fixed(int columns) {
    return () -> columns;
  }

  /**
   * The width of the terminal at {@code device} (stderr's, such as {@code /dev/pts/3}), asked
   * of {@code stty} ({@link SttyWidth}); when it cannot be asked, {@code COLUMNS} from
   * {@code env}, else 80.
   */
  static TerminalWidth of(Path device, Map<String, String> env, Ticker ticker) {
    int fallback = 80;
    try {
      fallback = Math.max(20, Integer.parseInt(env.getOrDefault("COLUMNS", "80").trim()));
    } catch (NumberFormatException e) {
      // Not a number: 80.
    }
    return new SttyWidth(device, fallback, ticker);
  }
}
