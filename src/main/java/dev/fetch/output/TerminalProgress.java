package dev.fetch.output;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.TransferListener;
import dev.fetch.time.Ticker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A progress bar on a terminal: bytes so far and in all when known, the current rate, the time
 * left from bytes, URLs done, failed and in flight, and the URL that holds the run up when one
 * does ({@link ProgressLine}). It is the last line of the terminal ({@link StatusLine}): stderr's
 * other lines, and standard output's when it is the same terminal, scroll above it. It is redrawn
 * every {@link #EVERY} to the terminal's width at that moment, first after {@link #FIRST_DRAW},
 * so a run shorter than that shows none, and {@link #close} leaves no trace of it.
 *
 * <p>Thread-safe: transfers arrive from the downloading threads, results from the reporting
 * thread, and a daemon thread draws.
 */
final class TerminalProgress implements Progress {
  static final Duration EVERY = Duration.ofMillis(125);
  static final Duration FIRST_DRAW = Duration.ofMillis(250);
  private static final Duration RATE_WINDOW = Duration.ofSeconds(5);

  private final StatusLine line;
  private final boolean stdoutShared;
  private final LongSupplier urls;
  private final Ticker ticker;
  private final TerminalWidth width;
  private final ProgressTally tally;
  /** Used by the drawing thread only (or a test's calls to {@link #draw}). */
  private final RateMeter rate = new RateMeter(RATE_WINDOW);
  private volatile long startedAt;
  private volatile boolean closed;
  private ProgressThread drawer;

  TerminalProgress(PrintWriter err, boolean stdoutShared, LongSupplier urls, Ticker ticker,
      TerminalWidth width) {
    this.line = new StatusLine(err, ticker, width);
    this.stdoutShared = stdoutShared;
    this.urls = urls;
    this.ticker = ticker;
    this.width = width;
    this.tally = new ProgressTally(ticker);
  }

  @Override
  public void start() {
    tally.urls(urls.getAsLong());
    startedAt = ticker.read();
    drawer = ProgressThread.start("fetch-progress", EVERY, this::draw);
  }

  /** Draws the bar as things are now; nothing before {@link #FIRST_DRAW} or after close. */
  void draw() {
    long now = ticker.read();
    if (closed || now - startedAt < FIRST_DRAW.toNanos()) {
      return;
    }
    ProgressSnapshot snapshot = tally.snapshot();
    double bytesPerSecond = rate.sample(now, snapshot.arrived());
    line.show(ProgressLine.bar(snapshot, bytesPerSecond, width.columns() - 1));
  }

  @Override
  public void accept(DownloadResult result) {
    tally.reported(result);
  }

  @Override
  public void above(Runnable write) {
    if (stdoutShared) {
      line.above(write);
    } else {
      write.run();
    }
  }

  @Override
  public PrintWriter err() {
    return line.lines();
  }

  @Override
  public void close() {
    closed = true;
    if (drawer != null) {
      drawer.stop();
    }
    line.close();
  }

  @Override
  public TransferListener transfers() {
    return tally;
  }
}
