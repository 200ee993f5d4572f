package dev.fetch.strategy;

import dev.fetch.download.Downloader;
import dev.fetch.input.UrlEntry;
import java.util.Iterator;

/**
 * A way to run many downloads: one after another, on a thread pool, in child processes, ….
 *
 * <p>Every strategy submits one task per URL to an executor and hands each result to the sink
 * as it completes (the Java form of Python's {@code as_completed}).
 */
public interface DownloadStrategy {
  /**
   * Downloads every valid entry, blocking until each entry has its one result.
   *
   * <p>Entries are read lazily on a thread of the strategy's own, at most a bounded window ahead
   * of the results reported, so a slow or endless input neither holds results back nor has to
   * fit in memory. An invalid entry's result is its {@code invalid_url} failure. Every entry
   * yields exactly one call to {@code sink}, always on the calling thread. If the calling thread
   * is interrupted, running downloads are abandoned (their threads interrupted), the executor is
   * shut down and {@link InterruptedException} is thrown; results already handed to the sink
   * stand. An exception from reading the entries ends the run and is rethrown.
   */
  void run(Iterator<UrlEntry> entries, Downloader downloader, ResultSink sink)
      throws InterruptedException;

  /** How many downloads this strategy runs at once, for reporting. */
  int workers();

  /**
   * How many worker processes died during the last run, for the summary: always 0 for a strategy
   * that runs in this process. Read it after {@link #run} has returned.
   */
  default long workerCrashes() {
    return 0;
  }
}
