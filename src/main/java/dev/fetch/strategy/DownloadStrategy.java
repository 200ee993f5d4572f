package dev.fetch.strategy;

import dev.fetch.input.UrlEntry;
import java.util.Iterator;

/**
 * A way to run many downloads: one after another, on a thread pool, in child processes, ….
 * Built by {@link Mode#strategy} from the run's settings and downloader stack.
 *
 * <p>Every strategy submits one task per URL to an executor and hands each result to the sink
 * as it completes (the Java form of Python's {@code as_completed}), or in input order.
 */
public interface DownloadStrategy {
  /**
   * Downloads every valid entry, blocking until each entry has its one result.
   *
   * <p>Entries are read lazily on a thread of the strategy's own, at most a bounded window ahead
   * of the results reported, so a slow or endless input neither holds results back nor has to
   * fit in memory. An invalid entry's result is its {@code invalid_url} failure. Every entry
   * yields exactly one call to {@code sink}, always on the calling thread, in {@code order}. If
   * the calling thread is interrupted, running downloads are abandoned (their threads
   * interrupted), results that had arrived are reported (held ones in input order), the executor
   * is shut down and {@link InterruptedException} is thrown. An exception from reading the
   * entries or from the sink ends the run and is rethrown.
   */
  void run(Iterator<UrlEntry> entries, Order order, ResultSink sink) throws InterruptedException;

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
