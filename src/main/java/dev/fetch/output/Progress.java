package dev.fetch.output;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.TransferListener;
import dev.fetch.time.Ticker;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A run's progress display on stderr: a bar on a terminal ({@link TerminalProgress}), a plain
 * line now and then in a log ({@link LinesProgress}), or nothing.
 *
 * <p>It hears the downloads as they happen, through its {@link #transfers()} listener from the
 * downloading threads, and each result as it is reported, through {@link #accept} on the
 * reporting thread. {@link #start} begins showing it, {@link #close} removes it for good; while
 * it shows, other lines for stderr go through {@link #err()}, and result lines for standard
 * output through {@link #above}, so that none is torn by the display or interleaved with it.
 */
public interface Progress extends AutoCloseable {
  /**
   * What hears the downloads as they happen, from any downloading thread: the display's tally
   * ({@link TransferListener#NONE} for a display that shows nothing).
   */
  default TransferListener transfers() {
    return TransferListener.NONE;
  }

  /** The run has begun (on the reporting thread, before any result): start showing. */
  void start();

  /** One URL's result was reported (on the reporting thread). */
  void accept(DownloadResult result);

  /**
   * Runs {@code write}, which prints whole lines on standard output and flushes them, so that
   * they appear above the display when both are on one terminal.
   */
  default void above(Runnable write) {
    write.run();
  }

  /** Where stderr's other lines go while the display is shown: above it. */
  PrintWriter err();

  /** Removes the display, leaving no trace of it on the screen. Idempotent. */
  @Override
  void close();

  /** No display: lines go straight to {@code err}. For pipes, files and --progress=never. */
  static Progress none(PrintWriter err) {
    return new NoProgress(err);
  }

  /**
   * A bar on the terminal that {@code err} writes to.
   *
   * @param stdoutShared standard output is on the same terminal: result lines scroll above the
   *     bar
   * @param urls the list's URL count, or -1 when it cannot be known; asked at {@link #start}
   * @param width the terminal's columns, asked before each drawing
   */
  static Progress bar(PrintWriter err, boolean stdoutShared, LongSupplier urls, Ticker ticker,
      TerminalWidth width) {
    return new TerminalProgress(err, stdoutShared, urls, ticker, width);
  }

  /** A plain line on {@code err} every {@link LinesProgress#EVERY}: for CI logs. */
  static Progress lines(PrintWriter err, LongSupplier urls, Ticker ticker) {
    return new LinesProgress(err, urls, ticker);
  }
}
