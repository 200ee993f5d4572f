package dev.fetch.trace;

import dev.fetch.download.DownloadResult;
import java.time.Duration;

/** Turns a reported result into its place on a run's timeline. */
public final class UrlRecords {
  private UrlRecords() {}

  /** @param sinceStart when the result was reported, from the run's start */
  public static UrlRecord of(DownloadResult result, Duration sinceStart) {
    double endMs = sinceStart.toNanos() / 1e6;
    double startMs = Math.max(0, endMs - result.elapsed().toNanos() / 1e6);
    String kind = result instanceof DownloadResult.Failure
        ? ((DownloadResult.Failure) result).kind().wireName() : null;
    return new UrlRecord(result.index(), result.url(), result.worker(), result.status(),
        result.bytes(), startMs, endMs, result.attempts(), kind);
  }
}
