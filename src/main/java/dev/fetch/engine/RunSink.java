package dev.fetch.engine;

import dev.fetch.download.DownloadResult;
import dev.fetch.strategy.ResultSink;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The run's first stop for every result, on the reporting thread: counts the totals and, once
 * the run is cancelled, keeps back the failures the cancellation itself caused, so they count as
 * unfinished rather than failed. If the listener fails (standard output closed), it cancels the
 * run's downloads before the failure travels on.
 */
final class RunSink implements ResultSink {
  private final RunListener listener;
  private final BooleanSupplier cancelled;
  private final Runnable cancel;
  private final Supplier<Duration> sinceStart;
  private long urls;
  private long succeeded;
  private long failed;
  private long bytes;

  RunSink(RunListener listener, BooleanSupplier cancelled, Runnable cancel,
      Supplier<Duration> sinceStart) {
    this.listener = listener;
    this.cancelled = cancelled;
    this.cancel = cancel;
    this.sinceStart = sinceStart;
  }

  @Override
  public void accept(DownloadResult result) {
    if (!result.succeeded() && cancelled.getAsBoolean()) {
      return;
    }
    urls++;
    bytes += result.bytes();
    if (result.succeeded()) {
      succeeded++;
    } else {
      failed++;
    }
    try {
      listener.accept(result, sinceStart.get());
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
        interrupted, workerCrashes);
  }
}
