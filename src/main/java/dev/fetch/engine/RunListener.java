package dev.fetch.engine;

import dev.fetch.download.DownloadResult;
import java.time.Duration;

/**
 * Sees a run from outside: printers, progress displays, traces and comparisons compose their
 * output from it; the engine itself prints nothing. Called on the run's one reporting thread.
 */
public interface RunListener {
  /**
   * The list is open and has a URL, and nothing has been requested yet: the place to open
   * outputs. An exception thrown here ends the run before the first request.
   */
  default void started() {}

  /**
   * One URL's result, in the plan's order.
   *
   * @param sinceStart from the run's start to this result's report
   */
  void accept(DownloadResult result, Duration sinceStart);

  /**
   * A URL of the list that was not downloaded, as listed (credentials included, for
   * {@code --save-failed}): one that failed (after its {@link #accept}), and, when the run stops
   * early (a signal, a closed output), each one in flight and each one never started, in list
   * order. Invalid lines are not passed: fed back, they would only fail again.
   */
  default void notDownloaded(String url) {}

  /** This listener, then {@code next}, for each call. */
  default RunListener andThen(RunListener next) {
    RunListener first = this;
    return new RunListener() {
      @Override
      public void started() {
        first.started();
        next.started();
      }

      @Override
      public void accept(DownloadResult result, Duration sinceStart) {
        first.accept(result, sinceStart);
        next.accept(result, sinceStart);
      }

      @Override
      public void notDownloaded(String url) {
        first.notDownloaded(url);
        next.notDownloaded(url);
      }
    };
  }

  /** A listener that ignores everything. */
  static RunListener none() {
    return (result, sinceStart) -> { };
  }
}
