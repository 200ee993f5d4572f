package dev.fetch.strategy;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import java.util.function.Consumer;

/**
 * How a {@link CompletionLoop} starts one download: as a task on an executor, as an asynchronous
 * call, …. Each started download must end in exactly one call to {@code done}, from any thread.
 */
interface Launcher {
  void start(DownloadRequest request, Consumer<DownloadResult> done);

  /**
   * Ends the run's downloads. With {@code abandon}, running ones are interrupted or cancelled and
   * the launcher waits only briefly for them; without, every download has already finished.
   */
  void stop(boolean abandon) throws InterruptedException;
}
