package dev.fetch.output;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.engine.RunListener;
import dev.fetch.engine.RunSummary;
import dev.fetch.engine.SetupException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one writer of a plain run's output: formats each result onto standard output as it
 * arrives, warns on stderr about invalid lines ({@code FILE:LINE: reason}, as compilers do),
 * lists failed URLs for {@code --save-failed}, tells the progress display, and prints the
 * summary the engine returns. Result lines go to standard output through
 * {@link Progress#above}, so on a terminal they scroll above the progress bar.
 *
 * <p>Called from the run's one reporting thread (see {@link RunListener}). Every line is flushed
 * as written, so a consumer reading a pipe sees results as they complete; if standard output has
 * been closed, it throws {@link OutputClosedException}. {@link #finish} (or, if the run ended
 * without one, {@link #close}) puts the failed-URL list in place and ends the progress display.
 *
 * <p>A failed-URL list that cannot be written (a full disk) does not end the run: it is reported
 * once on stderr, {@code fetch: --save-failed: cannot write FILE (reason)}, the target is left as
 * it was, the run goes on to its summary, and {@link #failedListSaved} is false.
 */
public final class ResultPrinter implements RunListener, AutoCloseable {
  private final ResultFormatter formatter;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Path saveFailed;
  private final Progress progress;
  private final boolean quiet;
  private final FailedList.Opener opener;
  private FailedList failedList;
  private boolean failedListBroken;

  /**
   * @param saveFailed where to list failed URLs (not invalid lines), or null
   * @param err stderr, as the progress display wants it written ({@link Progress#err})
   * @param progress the progress display, started with the run and closed before the summary
   * @param quiet print nothing per URL, only the summary
   */
  public ResultPrinter(ResultFormatter formatter, PrintWriter out, PrintWriter err,
      Path saveFailed, Progress progress, boolean quiet) {
    this(formatter, out, err, saveFailed, progress, quiet,
        file -> new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8)));
  }

  /** As above, with {@code opener} writing the failed-URL list (a test's failing disk). */
  ResultPrinter(ResultFormatter formatter, PrintWriter out, PrintWriter err, Path saveFailed,
      Progress progress, boolean quiet, FailedList.Opener opener) {
    this.opener = opener;
    this.formatter = formatter;
    this.out = out;
    this.err = err;
    this.saveFailed = saveFailed;
    this.progress = progress;
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
        failedList = FailedList.open(saveFailed, opener);
      } catch (IOException e) {
        throw new SetupException("--save-failed: cannot write " + saveFailed + " ("
            + e.getMessage() + ")", e);
      }
    }
    progress.start();
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
      }
    }
    progress.accept(result);
    if (!quiet) {
      write(formatter.result(result));
    }
  }

  /** Lists the URL for {@code --save-failed}, as listed, so the file can be fed back in. */
  @Override
  public void notDownloaded(String url) {
    if (failedList != null && !failedList.add(url)) {
      reportFailedList(failedList.failure());
    }
  }

  /**
   * Ends the progress display, prints {@code summary} where the format wants it, then puts the
   * failed-URL list in place (a failure to is reported on stderr, after the summary).
   */
  public void finish(RunSummary summary) {
    progress.close();
    if (formatter.summaryOnStdout()) {
      write(formatter.summary(summary));
    } else {
      err.print(formatter.summary(summary));
      err.flush();
    }
    closeFailedList();
  }

  /**
   * Whether the failed-URL list, if one was asked for, was written whole and put in place: false
   * until then, and for good once a write failed.
   */
  public boolean failedListSaved() {
    return saveFailed == null || failedList == null && !failedListBroken;
  }

  /** Ends the progress display and puts the failed-URL list in place if {@link #finish} did not. */
  @Override
  public void close() {
    progress.close();
    closeFailedList();
  }

  private void closeFailedList() {
    if (failedList == null) {
      return;
    }
    try {
      failedList.close();
    } catch (IOException e) {
      reportFailedList(e);
    } finally {
      failedList = null;
    }
  }

  /** Says once that the list cannot be written; the target is left as it was. */
  private void reportFailedList(IOException e) {
    if (failedListBroken) {
      return;
    }
    failedListBroken = true;
    err.println(Terminal.safe("fetch: --save-failed: cannot write " + saveFailed + " ("
        + reason(e) + ")"));
    err.flush();
  }

  private static String reason(IOException e) {
    String reason = e instanceof FileSystemException
        ? ((FileSystemException) e).getReason() : e.getMessage();
    return reason == null ? e.getClass().getSimpleName() : reason;
  }

  private void write(String text) {
    if (!text.isEmpty()) {
      progress.above(() -> {
        out.print(text);
        out.flush();
      });
      if (out.checkError()) {
        throw OutputClosedException.of(out);
      }
    }
  }
}
