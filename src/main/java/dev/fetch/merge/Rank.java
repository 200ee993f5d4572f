package dev.fetch.merge;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.Outcome;

/**
 * Which of several results for one index a merge keeps: a request that succeeded (downloaded or
 * up to date) over a skipped URL (a re-run with {@code --skip-done} finding it done) over a
 * failure; the last of equals (a failure retried and failed again says the latest).
 */
final class Rank {
  static final int NONE = 0;
  static final int FAILED = 1;
  static final int SKIPPED = 2;
  static final int DONE = 3;

  private Rank() {}

  static int of(DownloadResult result) {
    if (result instanceof DownloadResult.Success) {
      return ((DownloadResult.Success) result).outcome() == Outcome.SKIPPED ? SKIPPED : DONE;
    }
    return FAILED;
  }
}
