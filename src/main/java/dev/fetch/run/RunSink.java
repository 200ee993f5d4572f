package dev.fetch.run;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.strategy.ResultSink;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * The run's first stop for every result, on the reporting thread: warns on stderr about invalid
 * lines ({@code FILE:LINE: reason}, as compilers do) and, once the run is cancelled, keeps back the
 * failures the cancellation itself caused, so they count as unfinished rather than failed.
 */
final class RunSink implements ResultSink {
  private final ResultSink next;
  private final PrintWriter err;
  private final BooleanSupplier cancelled;

  RunSink(ResultSink next, PrintWriter err, BooleanSupplier cancelled) {
    this.next = next;
    this.err = err;
    this.cancelled = cancelled;
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
    next.accept(result);
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
