package dev.fetch.engine;

import dev.fetch.download.DownloadSettings;
import dev.fetch.download.NetscapeCookie;
import dev.fetch.download.SaveSettings;
import dev.fetch.download.TransferListener;
import dev.fetch.http.DownloaderStack;
import dev.fetch.input.InputException;
import dev.fetch.input.InputReader;
import dev.fetch.input.UrlEntry;
import dev.fetch.save.BodySink;
import dev.fetch.save.DirectorySink;
import dev.fetch.save.ValidatorIndex;
import dev.fetch.strategy.DownloadStrategy;
import dev.fetch.strategy.EarlyStart;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The engine: carries out one {@link DownloadPlan}, input → strategy → results, and returns its
 * own {@link RunSummary}. It prints nothing; a {@link RunListener} sees every result, and the
 * caller composes output around it.
 *
 * <p>Everything is checked before the first request: the inputs are read up to their first URL
 * (the plan's inputs are one list, with indexes running on across them; later list files are
 * opened as the run reaches them), the output directory can be written, and the listener's
 * {@link RunListener#started} has opened its outputs.
 * Then the downloader stack is built once from the plan's settings ({@link DownloaderStack}) and
 * the strategy downloads. {@link #cancel()} (from a signal handler) stops the run early; it still
 * returns a summary of what finished and leaves no partial file.
 */
public final class DownloadRun {
  private final DownloadPlan plan;
  private final RunContext context;
  /** Guards {@link #runner}, so no interrupt reaches the caller after {@link #execute}. */
  private final Object runnerLock = new Object();
  /** The thread in {@link #execute}, or null; guarded by {@link #runnerLock}. */
  private Thread runner;
  private volatile DownloaderStack stack;
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
   * @throws InputException if a list is missing or unreadable, or the inputs have no URL between
   *     them (nothing downloaded)
   * @throws SetupException if the output directory cannot be written (nothing downloaded)
   * @throws RuntimeException whatever the listener throws; the run's downloads are cancelled
   */
  public RunSummary execute(RunListener listener) {
    synchronized (runnerLock) {
      runner = Thread.currentThread();
    }
    // Worker JVMs (processes mode) boot while the list is read; whatever the run does not take
    // is ended with it.
    try (EarlyStart early = plan.mode().startEarly(plan.settings(), context.diagnostics(),
            context.transfers() != TransferListener.NONE);
        InputReader list = plan.inputs().open(context.stdin())) {
      if (!list.hasNext()) {
        if (list.dropped() == 0) {
          throw plan.inputs().noUrls();
        }
        context.diagnostics().line("fetch: shard " + plan.inputs().shard() + ": none of the "
            + list.dropped() + " URLs of the list is in this shard: nothing to download");
      }
      BodySink bodies = BodySink.reporting(openBodySink(), context.transfers());
      try {
        return download(list, bodies, listener);
      } finally {
        bodies.cleanUp();
      }
    } finally {
      synchronized (runnerLock) {
        runner = null;
      }
      if (cancelled) {
        // The interrupt cancel() sent is this run's, not the caller's: consume it.
        Thread.interrupted();
      }
    }
  }

  /**
   * The run's cookies once {@link #execute} has returned (or thrown after its downloads began):
   * those loaded with {@code -b} and those servers set, not expired, oldest first — what
   * {@code -c} writes. Empty when the run has no cookie engine or never started downloading.
   */
  public List<NetscapeCookie> cookies() {
    DownloaderStack current = stack;
    return current == null ? List.of() : current.cookies().all();
  }

  /**
   * Stops a run in progress: interrupts the running thread, then cancels every request. The run
   * returns a summary that says it was interrupted, whatever finished first; the interrupt never
   * outlives {@link #execute}. Safe to call from any thread, any number of times.
   */
  public void cancel() {
    cancelled = true;
    synchronized (runnerLock) {
      if (runner != null) {
        runner.interrupt();
      }
    }
    abortDownloads();
  }

  /** Cancels every download in progress and any started later. */
  private void abortDownloads() {
    cancelled = true;
    DownloaderStack current = stack;
    if (current != null) {
      current.cancelAll();
    }
  }

  private RunSummary download(InputReader list, BodySink bodies, RunListener listener) {
    CountingEntries entries = new CountingEntries(list, prepare(plan.settings(), plan.done()));
    RunSink sink = new RunSink(listener, entries, () -> cancelled, this::abortDownloads,
        () -> Duration.ofNanos(context.time().ticker().read() - startNanos));
    DownloaderStack downloaders = new DownloaderStack(plan.settings(), bodies, context.time(),
        context.diagnostics(), context.sharedPool(), null);
    stack = downloaders;
    if (cancelled) {
      downloaders.cancelAll();
    }
    DownloadStrategy strategy;
    try {
      strategy = plan.mode().strategy(plan.settings(), RecordedValidators.attach(
          downloaders.reportingTo(context.transfers()), validators(plan.settings())));
      listener.started();
    } catch (RuntimeException | Error e) {
      downloaders.close();
      throw e;
    }

    long start = context.time().ticker().read();
    startNanos = start;
    boolean interrupted = false;
    try {
      if (cancelled) {
        throw new InterruptedException("cancelled before start");
      }
      strategy.run(entries, plan.order(), sink);
    } catch (InterruptedException e) {
      interrupted = true;
    } catch (RuntimeException | Error e) {
      // Output failed (stdout closed, say): what was not downloaded is still listed.
      entries.notDownloaded(listener::notDownloaded);
      throw e;
    } finally {
      downloaders.close();
    }
    interrupted |= cancelled;
    if (interrupted) {
      entries.notDownloaded(listener::notDownloaded);
    }
    Duration elapsed = Duration.ofNanos(context.time().ticker().read() - start);
    return sink.summary(plan.mode().toString(), strategy.workers(), elapsed,
        entries.taken() - sink.reported(), interrupted, strategy.workerCrashes());
  }

  /**
   * What the run decides about each entry as it is read, in input order, before any strategy
   * sees it: where its body is saved and whether it is skipped.
   */
  private static UnaryOperator<UrlEntry> prepare(DownloadSettings settings, DoneUrls done) {
    UnaryOperator<UrlEntry> prepare = UnaryOperator.identity();
    if (settings.outputDir() != null) {
      prepare = then(prepare, SaveTargets.of(settings));
    }
    if (done.count() > 0) {
      prepare = then(prepare, done.skipping(settings.outputDir()));
    }
    return prepare;
  }

  private static UnaryOperator<UrlEntry> then(UnaryOperator<UrlEntry> first,
      UnaryOperator<UrlEntry> next) {
    return entry -> next.apply(first.apply(entry));
  }

  /**
   * The output directory's validator index, read (and compacted) once before the first
   * request when the run sends conditional or range requests; else empty.
   */
  private static ValidatorIndex validators(DownloadSettings settings) {
    SaveSettings save = settings.save();
    if (settings.outputDir() == null || (!save.timestamping() && !save.resume())) {
      return ValidatorIndex.empty();
    }
    try {
      return ValidatorIndex.load(settings.outputDir().toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new SetupException("--output-dir: cannot read " + ValidatorIndex.NAME + ": "
          + e.getMessage(), e);
    }
  }

  private BodySink openBodySink() {
    return openBodySink(plan.settings());
  }

  /**
   * Checks, as a run does before its first request, that the output directory of
   * {@code settings} (if any) can be created and written: for a caller with requests of its own
   * to make before the run, such as lists given by URL ({@link RemoteLists}). Creates it.
   *
   * @throws SetupException naming the directory and what is wrong
   */
  public static void checkOutputDir(DownloadSettings settings) {
    openBodySink(settings).cleanUp();
  }

  private static BodySink openBodySink(DownloadSettings settings) {
    if (settings.outputDir() == null) {
      return BodySink.discarding();
    }
    try {
      return DirectorySink.open(settings.outputDir(), settings.save());
    } catch (IOException e) {
      throw new SetupException("--output-dir: " + e.getMessage(), e);
    }
  }
}
