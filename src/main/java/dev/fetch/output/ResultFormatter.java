package dev.fetch.output;

import dev.fetch.engine.RunSummary;
import dev.fetch.download.DownloadResult;

/**
 * Turns results into text for standard output. Pure: no I/O, no state; every method returns the
 * complete text to write, line terminators included, or an empty string for nothing.
 */
public interface ResultFormatter {
  /** Written once before the first result (a CSV header, say). */
  default String header() {
    return "";
  }

  String result(DownloadResult result);

  String summary(RunSummary summary);

  /** Whether {@link #summary} belongs on standard output; if not it goes to stderr as text. */
  default boolean summaryOnStdout() {
    return true;
  }
}
