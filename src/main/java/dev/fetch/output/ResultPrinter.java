package dev.fetch.output;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.engine.RunListener;
import dev.fetch.engine.RunSummary;
import dev.fetch.engine.SetupException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one writer of a plain run's output: formats each result onto standard output as it
 * arrives, warns on stderr about invalid lines ({@code FILE:LINE: reason}, as compilers do),
 * lists failed URLs for {@code --save-failed}, moves the progress display, and prints the summary
 * the engine returns.
 *
 * <p>Called from the run's one reporting thread (see {@link RunListener}). Every line is flushed
 * as written, so a consumer reading a pipe sees results as they complete; if standard output has
 * been closed, it throws {@link OutputClosedException}. {@link #close} puts the failed-URL list
 * in place and ends the progress display, however the run ended.
 */
public final class ResultPrinter implements RunListener, AutoCloseable {
  private final ResultFormatter formatter;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Path saveFailed;
  private final Supplier<Progress> progressFactory;
  private final boolean quiet;
  private FailedList failedList;
  private Progress progress = Progress.none();

  /**
   * @param saveFailed where to list failed URLs (not invalid lines), or null
   * @param progress makes the progress display when the run starts
   * @param quiet print nothing per URL, only the summary
   */
  public ResultPrinter(ResultFormatter formatter, PrintWriter out, PrintWriter err,
      Path saveFailed, Supplier<Progress> progress, boolean quiet) {
    this.formatter = formatter;
    this.out = out;
    this.err = err;
    this.saveFailed = saveFailed;
    this.progressFactory = progress;
    this.quiet = quiet;
  }

  /**
   * Opens the failed-URL list, starts the progress display and writes the format's header.
   *
   * @throws SetupException if the failed-URL list cannot be written
   */
  @Override
  public void started() {
    if (saveFailed != null) {
      try {
        failedList = FailedList.open(saveFailed);
      } catch (IOException e) {
        throw new SetupException("--save-failed: cannot write " + saveFailed + " ("
            + e.getMessage() + ")", e);
      }
    }
    progress = progressFactory.get();
    if (!quiet) {
      write(formatter.header());
    }
  }

  @Override
  public void accept(DownloadResult result, Duration sinceStart) {
    if (result instanceof DownloadResult.Failure) {
      DownloadResult.Failure failure = (DownloadResult.Failure) result;
      if (failure.kind() == ErrorKind.INVALID_URL) {
        err.println(Terminal.safe(failure.message()));
        err.flush();
      } else if (failedList != null && result.attempts() > 0) {
        failedList.add(result.url());
      }
    }
    if (!quiet) {
      write(formatter.result(result));
    }
    progress.step();
  }

  /** Ends the progress display and prints {@code summary} where the format wants it. */
  public void finish(RunSummary summary) {
    progress.close();
    progress = Progress.none();
    if (formatter.summaryOnStdout()) {
      write(formatter.summary(summary));
    } else {
      err.print(formatter.summary(summary));
      err.flush();
    }
  }

  /**
   * Ends the progress display and puts the failed-URL list in place of its target.
   *
   * @throws SetupException if the list cannot be put in place
   */
  @Override
  public void close() {
    progress.close();
    if (failedList != null) {
      try {
        failedList.close();
      } catch (IOException e) {
        throw new SetupException("--save-failed: cannot write " + saveFailed + " ("
            + e.getMessage() + ")", e);
      } finally {
        failedList = null;
      }
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
