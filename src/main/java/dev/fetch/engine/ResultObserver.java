package dev.fetch.engine;

import dev.fetch.download.DownloadResult;
import java.time.Duration;

/**
 * Sees every reported result and when it came, on the reporting thread: for traces and
 * comparisons, which need each URL's place in time.
 */
@FunctionalInterface
public interface ResultObserver {
  /** @param sinceStart from the run's start to this result's report */
  void observe(DownloadResult result, Duration sinceStart);

  static ResultObserver none() {
    return (result, sinceStart) -> { };
  }
}
