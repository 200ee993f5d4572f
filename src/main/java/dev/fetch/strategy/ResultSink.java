package dev.fetch.strategy;

import dev.fetch.download.DownloadResult;

/**
 * Receives results: each one is announced by {@link #arrived} as it completes, then passed to
 * {@link #accept} in the run's {@link Order} (at once in completion order; in input order once
 * every result before it has been accepted). A strategy calls both from one thread only (the
 * thread that called {@link DownloadStrategy#run}), so implementations need no locking and their
 * output never interleaves. An exception either throws ends the run and travels on to the caller.
 */
@FunctionalInterface
public interface ResultSink {
  /** A result, in the run's order. */
  void accept(DownloadResult result);

  /**
   * A result has just arrived, before it waits for its turn in input order: the moment to note
   * when it finished, or whether it was caused by the run being cancelled. Does nothing unless
   * overridden.
   */
  default void arrived(DownloadResult result) {}
}
