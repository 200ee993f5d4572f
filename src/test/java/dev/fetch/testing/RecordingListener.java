package dev.fetch.testing;

import dev.fetch.download.DownloadResult;
import dev.fetch.engine.RunListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RunListener} that records every call, in order, as a line: {@code started} and
 * {@code accept INDEX}. Its calls come from the run's one reporting thread, but a test may read
 * the record from another; thread-safe.
 */
public class RecordingListener implements RunListener {
  private final List<String> calls = new ArrayList<>();
  private final List<DownloadResult> results = new ArrayList<>();

  @Override
  public void started() {
    record("started");
  }

  @Override
  public void accept(DownloadResult result, Duration sinceStart) {
    synchronized (this) {
      results.add(result);
    }
    record("accept " + result.index());
  }

  /** Adds a line to the record (for subclasses that note more). */
  protected final synchronized void record(String call) {
    calls.add(call);
  }

  /** Every call so far, in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** Every result accepted so far, in order. */
  public synchronized List<DownloadResult> results() {
    return List.copyOf(results);
  }
}
