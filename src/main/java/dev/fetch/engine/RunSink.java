package dev.fetch.engine;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.Outcome;
import dev.fetch.strategy.ResultSink;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The run's first stop for every result, on the reporting thread: notes when each result
 * arrived (before it waits for its turn in input order) and, once the run is cancelled, keeps
 * back the failures that arrive afterwards — caused by the cancellation itself — so they count as
 * unfinished rather than failed; failures that had arrived before stand. Counts the totals. If
 * the listener fails (standard output closed), it cancels the run's downloads before the failure
 * travels on.
 */
final class RunSink implements ResultSink {
  private final RunListener listener;
  private final CountingEntries entries;
  private final BooleanSupplier cancelled;
  private final Runnable cancel;
  private final Supplier<Duration> sinceStart;
  /** Arrival time of each result not yet accepted, by index. */
  private final Map<Integer, Duration> arrivals = new HashMap<>();
  /** Indexes of failures that arrived after the run was cancelled. */
  private final Set<Integer> causedByCancel = new HashSet<>();
  private long urls;
  private long succeeded;
  private long failed;
  private long notModified;
  private long skipped;
  private long bytes;

  RunSink(RunListener listener, CountingEntries entries, BooleanSupplier cancelled,
      Runnable cancel, Supplier<Duration> sinceStart) {
    this.listener = listener;
    this.entries = entries;
    this.cancelled = cancelled;
    this.cancel = cancel;
    this.sinceStart = sinceStart;
  }

  @Override
  public void arrived(DownloadResult result) {
    if (!result.succeeded() && cancelled.getAsBoolean()) {
      causedByCancel.add(result.index());
    } else {
      arrivals.put(result.index(), sinceStart.get());
    }
  }

  @Override
  public void accept(DownloadResult result) {
    if (causedByCancel.remove(result.index())) {
      return;
    }
    Duration arrivedAt = arrivals.remove(result.index());
    urls++;
    bytes += result.bytes();
    if (result instanceof DownloadResult.Success) {
      succeeded++;
      Outcome outcome = ((DownloadResult.Success) result).outcome();
      if (outcome == Outcome.NOT_MODIFIED) {
        notModified++;
      } else if (outcome == Outcome.SKIPPED) {
        skipped++;
      }
    } else {
      failed++;
    }
    try {
      listener.accept(result, arrivedAt != null ? arrivedAt : sinceStart.get());
      String url = entries.settle(result.index());
      if (url != null && !result.succeeded()) {
        listener.notDownloaded(url);
      }
    } catch (RuntimeException e) {
      cancel.run();
      throw e;
    }
  }

  /** Results reported so far. */
  long reported() {
    return urls;
  }

  RunSummary summary(String mode, int workers, Duration elapsed, long unfinished,
      boolean interrupted, long workerCrashes) {
    return new RunSummary(mode, workers, urls, succeeded, failed, bytes, elapsed, unfinished,
        interrupted, workerCrashes, notModified, skipped);
  }
}
