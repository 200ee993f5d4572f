package dev.fetch.strategy;

import dev.fetch.download.DownloadResult;

/**
 * Receives results as they complete. A strategy calls it from one thread only (the thread that
 * called {@link DownloadStrategy#run}), so implementations need no locking and their output never
 * interleaves. An exception it throws ends the run and travels on to the caller.
 */
@FunctionalInterface
public interface ResultSink {
  void accept(DownloadResult result);
}
