package dev.fetch.strategy;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.Downloader;
import dev.fetch.input.UrlEntry;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Starts every download with {@link Downloader#downloadAsync} — an OkHttp {@code Call.enqueue}
 * whose callback completes a {@code CompletableFuture}, Python's {@code add_done_callback} — and
 * reports the futures as they complete. No thread of its own waits on a download: how many run at
 * once is bounded by the HTTP client's dispatcher, sized to {@code workers}; the strategy keeps at
 * most twice that many started ahead of the results reported.
 *
 * <p>Cancelling the run's downloads is the downloader's business (its {@code cancelAll}): an
 * abandoned run here simply stops listening.
 */
public final class AsyncStrategy implements DownloadStrategy {
  private final int workers;
  private final Downloader downloader;

  /** @param downloader starts each download with {@link Downloader#downloadAsync} */
  public AsyncStrategy(int workers, Downloader downloader) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers < 1: " + workers);
    }
    this.workers = workers;
    this.downloader = downloader;
  }

  @Override
  public int workers() {
    return workers;
  }

  @Override
  public void run(Iterator<UrlEntry> entries, Order order, ResultSink sink)
      throws InterruptedException {
    Launcher launcher = new Launcher() {
      @Override
      public void start(DownloadRequest request, Consumer<DownloadResult> done) {
        downloader.downloadAsync(request).whenComplete((result, bug) -> done.accept(
            result != null ? result : ExecutorStrategy.internalError(request, bug)));
      }

      @Override
      public void stop(boolean abandon) {}
    };
    CompletionLoop.run(entries, launcher, workers * 2, order, sink);
  }
}
