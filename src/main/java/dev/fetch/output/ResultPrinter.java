package dev.fetch.output;

import dev.fetch.engine.RunSummary;
import dev.fetch.download.DownloadResult;
import dev.fetch.strategy.ResultSink;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * The one writer of a run's results: formats each result onto standard output as it arrives,
 * counts the totals, lists failed URLs for {@code --save-failed} and moves the progress display.
 *
 * <p>Called from one thread (see {@link ResultSink}). Every line is flushed as written, so a
 * consumer reading a pipe sees results as they complete; if standard output has been closed, it
 * throws {@link OutputClosedException}.
 */
public final class ResultPrinter implements ResultSink {
  private final ResultFormatter formatter;
  private final PrintWriter out;
  private final PrintWriter err;
  private final FailedList failedList;
  private final Progress progress;
  private final boolean quiet;
  private long urls;
  private long succeeded;
  private long failed;
  private long bytes;

  /**
   * @param failedList where failed URLs go (not invalid lines), or null
   * @param quiet print nothing per URL, only the summary
   */
  public ResultPrinter(ResultFormatter formatter, PrintWriter out, PrintWriter err,
      FailedList failedList, Progress progress, boolean quiet) {
    this.formatter = formatter;
    this.out = out;
    this.err = err;
    this.failedList = failedList;
    this.progress = progress;
    this.quiet = quiet;
  }

  /** Writes the format's header, if it has one. Call once, before the first result. */
  public void start() {
    if (!quiet) {
      write(formatter.header());
    }
  }

  @Override
  public void accept(DownloadResult result) {
    urls++;
    bytes += result.bytes();
    if (result.succeeded()) {
      succeeded++;
    } else {
      failed++;
      if (failedList != null && result.attempts() > 0) {
        failedList.add(result.url());
      }
    }
    if (!quiet) {
      write(formatter.result(result));
    }
    progress.step();
  }

  /** How many results have been reported so far. */
  public long reported() {
    return urls;
  }

  /** Totals so far, as the summary of a run of {@code mode} that took {@code elapsed}. */
  public RunSummary summary(String mode, int workers, Duration elapsed, long unfinished,
      boolean interrupted) {
    return new RunSummary(mode, workers, urls, succeeded, failed, bytes, elapsed, unfinished,
        interrupted);
  }

  /** Ends the progress display and prints {@code summary} where the format wants it. */
  public void finish(RunSummary summary) {
    progress.close();
    if (formatter.summaryOnStdout()) {
      write(formatter.summary(summary));
    } else {
      err.print(formatter.summary(summary));
      err.flush();
    }
  }

  private void write(String text) {
    if (!text.isEmpty()) {
      out.print(text);
      out.flush();
      if (out.checkError()) {
        throw new OutputClosedException();
      }
    }
  }
}
