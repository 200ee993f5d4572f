package dev.fetch.engine;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.strategy.ResultSink;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The run's first stop for every result, on the reporting thread: warns on stderr about invalid
 * lines ({@code FILE:LINE: reason}, as compilers do) and, once the run is cancelled, keeps back the
 * failures the cancellation itself caused, so they count as unfinished rather than failed. If
 * reporting fails (standard output closed), it cancels the run's downloads before the failure
 * travels on.
 */
final class RunSink implements ResultSink {
  private final ResultSink next;
  private final PrintWriter err;
  private final BooleanSupplier cancelled;
  private final Runnable cancel;
  private final ResultObserver observer;
  private final Supplier<Duration> sinceStart;

  RunSink(ResultSink next, PrintWriter err, BooleanSupplier cancelled, Runnable cancel,
      ResultObserver observer, Supplier<Duration> sinceStart) {
    this.next = next;
    this.err = err;
    this.cancelled = cancelled;
    this.cancel = cancel;
    this.observer = observer;
    this.sinceStart = sinceStart;
  }

  @Override
  public void accept(DownloadResult result) {
    if (result instanceof DownloadResult.Failure) {
      DownloadResult.Failure failure = (DownloadResult.Failure) result;
      if (cancelled.getAsBoolean()) {
        return;
      }
      if (failure.kind() == ErrorKind.INVALID_URL) {
        err.println(failure.message());
        err.flush();
      }
    }
    observer.observe(result, sinceStart.get());
    try {
      next.accept(result);
    } catch (RuntimeException e) {
      cancel.run();
      throw e;
    }
  }

  @Override
  public int held() {
    return next.held();
  }

  @Override
  public int maxHeld() {
    return next.maxHeld();
  }
}
