package dev.fetch.output;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.TransferListener;
import dev.fetch.time.Ticker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress for a log, such as a CI job's: every {@link #EVERY} a plain line on stderr (the same
 * facts as the bar, no control character, {@link ProgressLine#plain}), so a long job shows life.
 * A run shorter than that prints none.
 *
 * <p>Thread-safe: transfers arrive from the downloading threads, results from the reporting
 * thread, and a daemon thread writes each line whole under the writer's lock, as
 * {@code Diagnostics} does.
 */
final class LinesProgress implements Progress {
  static final Duration EVERY = Duration.ofSeconds(10);

  private final PrintWriter err;
  private final LongSupplier urls;
  private final Ticker ticker;
  private final ProgressTally tally;
  /** Used by the reporting thread only (or a test's calls to {@link #report}). */
  private final RateMeter rate = new RateMeter(EVERY);
  private volatile boolean closed;
  private ProgressThread reporter;

  LinesProgress(PrintWriter err, LongSupplier urls, Ticker ticker) {
    this.err = err;
    this.urls = urls;
    this.ticker = ticker;
    this.tally = new ProgressTally(ticker);
  }

  @Override
  public void start() {
    tally.urls(urls.getAsLong());
    rate.sample(ticker.read(), 0);
    reporter = ProgressThread.start("fetch-progress", EVERY, this::report);
  }

  /** Writes one line about the progress now, unless closed. */
  void report() {
    ProgressSnapshot snapshot = tally.snapshot();
    String line = ProgressLine.plain(snapshot, rate.sample(ticker.read(), snapshot.arrived()));
    synchronized (err) {
      if (!closed) {
        err.println(line);
        err.flush();
      }
    }
  }

  @Override
  public void accept(DownloadResult result) {
    tally.reported(result);
  }

  @Override
  public PrintWriter err() {
    return err;
  }

  @Override
  public void close() {
    synchronized (err) {
      closed = true;
    }
    if (reporter != null) {
      reporter.stop();
    }
  }

  @Override
  public TransferListener transfers() {
    return tally;
  }
}
