package dev.fetch.strategy;

import dev.fetch.download.DownloadResult;

/**
 * Receives results as they complete. A strategy calls it from one thread only (the thread that
 * called {@link DownloadStrategy#run}), so implementations need no locking and their output never
 * interleaves.
 */
@FunctionalInterface
public interface ResultSink {
  void accept(DownloadResult result);

  /**
   * How many accepted results this sink is still holding back (one that reorders them, say). A
   * strategy counts them against its window, so what is held stays bounded.
   */
  default int held() {
    return 0;
  }

  /** The most results this sink may need to hold back at once; widens the strategy's window. */
  default int maxHeld() {
    return 0;
  }
}
