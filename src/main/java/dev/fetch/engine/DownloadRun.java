package dev.fetch.engine;

import dev.fetch.save.BodySink;
import dev.fetch.save.DirectorySink;
import dev.fetch.download.Downloader;
import dev.fetch.http.HttpClients;
import dev.fetch.http.OkHttpDownloader;
import dev.fetch.download.PerHostLimiter;
import dev.fetch.download.RetryPolicy;
import dev.fetch.download.RetryingDownloader;
import dev.fetch.input.InputException;
import dev.fetch.input.UrlListReader;
import dev.fetch.input.UrlLists;
import dev.fetch.output.FailedList;
import dev.fetch.output.InputOrderSink;
import dev.fetch.output.ResultPrinter;
import dev.fetch.engine.RunSummary;
import dev.fetch.strategy.DownloadStrategy;
import dev.fetch.strategy.ResultSink;
import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Carries out one {@link DownloadPlan}: input → strategy → results → summary.
 *
 * <p>Everything is checked before the first request: the list is opened and has a URL, the output
 * directory and the failed-URL file can be written. Then the strategy downloads, the printer writes
 * each result as it completes, and the summary comes last. {@link #cancel()} (from a signal
 * handler) stops the run early; it still prints a summary of what finished and leaves no partial
 * file.
 */
public final class DownloadRun {
  private final DownloadPlan plan;
  private final RunContext context;
  private volatile Thread runner;
  private volatile OkHttpDownloader http;
  private volatile boolean cancelled;
  private volatile long startNanos;

  public DownloadRun(DownloadPlan plan, RunContext context) {
    this.plan = plan;
    this.context = context;
  }

  /**
   * Runs the plan on the calling thread, blocking until every URL has its result or the run is
   * cancelled.
   *
   * @throws InputException if the list is missing, unreadable or has no URL (nothing downloaded)
   * @throws SetupException if an output file or directory cannot be written (nothing downloaded)
   */
  public RunSummary execute() {
    runner = Thread.currentThread();
    try (UrlListReader list = UrlLists.open(plan.input(), context.stdin())) {
      if (!list.hasNext()) {
        throw InputException.noUrls(list.source());
      }
      BodySink bodies = openBodySink();
      try (FailedList failedList = openFailedList()) {
        return download(list, bodies, failedList);
      } catch (IOException e) {
        throw new SetupException("--save-failed: cannot write " + plan.saveFailed() + " ("
            + e.getMessage() + ")", e);
      } finally {
        bodies.cleanUp();
      }
    }
  }

  /**
   * Stops a run in progress: cancels every request and interrupts the running thread. Safe to call
   * from any thread, any number of times.
   */
  public void cancel() {
    abortDownloads();
    Thread thread = runner;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Cancels every download in progress and any started later. */
  private void abortDownloads() {
    cancelled = true;
    OkHttpDownloader current = http;
    if (current != null) {
      current.cancelAll();
    }
  }

  private RunSummary download(UrlListReader list, BodySink bodies, FailedList failedList) {
    DownloadStrategy strategy = plan.mode().strategy(plan.workers(), plan.download());
    ResultPrinter printer = new ResultPrinter(plan.format().formatter(), context.out(),
        context.err(), failedList, context.progress().apply(() -> UrlLists.countUrlLines(plan.input())),
        plan.quiet());
    InputOrderSink ordered = new InputOrderSink(printer);
    ResultSink sink = new RunSink(plan.order() == Order.INPUT ? ordered : printer,
        context.err(), () -> cancelled, this::abortDownloads, context.observer(),
        () -> Duration.ofNanos(context.ticker().read() - startNanos));
    CountingEntries entries = new CountingEntries(list);

    OkHttpClient client = context.sharedPool() == null
        ? HttpClients.create(plan.download().http())
        : HttpClients.create(plan.download().http(), context.sharedPool());
    http = new OkHttpDownloader(client, bodies, context.ticker(), context.wallClock(),
        plan.download().http().userAgent(), plan.download().maxSize());
    if (cancelled) {
      http.cancelAll();
    }
    int perHost = plan.download().http().perHost();
    Downloader limited = perHost > 0 ? new PerHostLimiter(http, perHost) : http;
    Downloader downloader = new RetryingDownloader(limited,
        RetryPolicy.standard(plan.download().retries()), context.ticker(), context.sleeper());

    printer.start();
    long start = context.ticker().read();
    startNanos = start;
    boolean interrupted = false;
    try {
      if (cancelled) {
        throw new InterruptedException("cancelled before start");
      }
      strategy.run(entries, downloader, sink);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      HttpClients.shutdown(client, context.sharedPool() != null);
    }
    Duration elapsed = Duration.ofNanos(context.ticker().read() - start);
    ordered.flush();
    RunSummary summary = printer.summary(plan.mode().toString(), strategy.workers(), elapsed,
        entries.taken() - printer.reported(), interrupted)
        .withWorkerCrashes(strategy.workerCrashes());
    printer.finish(summary);
    return summary;
  }

  private BodySink openBodySink() {
    if (plan.download().outputDir() == null) {
      return BodySink.discarding();
    }
    try {
      return DirectorySink.open(plan.download().outputDir());
    } catch (IOException e) {
      throw new SetupException("--output-dir: " + e.getMessage(), e);
    }
  }

  private FailedList openFailedList() {
    if (plan.saveFailed() == null) {
      return null;
    }
    try {
      return FailedList.open(plan.saveFailed());
    } catch (IOException e) {
      throw new SetupException("--save-failed: cannot write " + plan.saveFailed() + " ("
          + e.getMessage() + ")", e);
    }
  }
}
