package dev.fetch.strategy;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.Downloader;
import java.util.Iterator;

/**
 * A way to run many downloads: one after another, on a thread pool, in child processes, ….
 *
 * <p>Every strategy submits one task per request to an executor and hands each result to the sink
 * as it completes (the Java form of Python's {@code as_completed}).
 */
public interface DownloadStrategy {
  /**
   * Downloads every request, blocking until all have a result.
   *
   * <p>Requests are pulled from {@code requests} on the calling thread, lazily, so an endless or
   * huge list does not have to fit in memory. Each request yields exactly one call to
   * {@code sink}, on the calling thread. If the calling thread is interrupted, running downloads
   * are abandoned (their threads interrupted), the executor is shut down and
   * {@link InterruptedException} is thrown; results already handed to the sink stand.
   */
  void run(Iterator<DownloadRequest> requests, Downloader downloader, ResultSink sink)
      throws InterruptedException;

  /** How many downloads this strategy runs at once, for reporting. */
  int workers();
}
