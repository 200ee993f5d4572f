package dev.fetch.output;

import dev.fetch.engine.RunSummary;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.Outcome;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The default, human format, in the tutorial's spirit:
 *
 * <pre>
 * Read 126.8 KiB from https://en.wikipedia.org/wiki/Portal:Arts (200, 153 ms, 847.0 kB/s)
 * FAILED https://example.com/missing: HTTP 404 Not Found (404, 12 ms)
 * 15 URLs in 0.612 s: 14 succeeded, 1 failed, 2.8 MiB, 4.8 MB/s (threads, 5 workers)
 * </pre>
 *
 * <p>With an output directory, each saved body's file follows its URL
 * ({@code Read 12.0 KiB from https://… -> pages/a.html (200, 3 ms)}); a file kept as it was
 * reads {@code Up to date https://… -> pages/a.html (304, 2 ms)} or
 * {@code Skipped https://… -> pages/a.html}, and the summary then counts each outcome:
 * {@code 15 URLs in 0.612 s: 10 downloaded, 3 up to date, 2 skipped, 0 failed, …}.
 *
 * <p>Sizes and speeds are in {@link HumanUnits}; a speed is shown from 1 KiB up (below, it would
 * only measure latency). Exact byte counts are in the JSON lines and CSV formats.
 */
public final class TextFormatter implements ResultFormatter {
  private final Path outputDir;

  /** A formatter for a run that saves nothing. */
  public TextFormatter() {
    this(null);
  }

  /**
   * @param outputDir the output directory as the user named it, shown before each saved path;
   *     null when nothing is saved
   */
  public TextFormatter(Path outputDir) {
    this.outputDir = outputDir;
  }

  @Override
  public String result(DownloadResult result) {
    StringBuilder line = new StringBuilder();
    Outcome outcome = result instanceof DownloadResult.Success
        ? ((DownloadResult.Success) result).outcome() : null;
    if (outcome == Outcome.SKIPPED || outcome == Outcome.NOT_MODIFIED) {
      line.append(outcome == Outcome.SKIPPED ? "Skipped " : "Up to date ")
          .append(Terminal.safe(result.url()));
      appendPath(line, result);
      if (result.attempts() == 0) {
        return line.append('\n').toString();
      }
    } else if (result instanceof DownloadResult.Failure) {
      DownloadResult.Failure failure = (DownloadResult.Failure) result;
      line.append("FAILED ").append(Terminal.safe(failure.url())).append(": ")
          .append(Terminal.safe(failure.message()));
      if (failure.attempts() == 0) {
        return line.append('\n').toString();
      }
    } else {
      line.append("Read ").append(HumanUnits.size(result.bytes())).append(" from ")
          .append(Terminal.safe(result.url()));
      appendPath(line, result);
    }
    line.append(" (");
    if (result.status() != null) {
      line.append(result.status()).append(", ");
    }
    line.append(millis(result.elapsed())).append(" ms");
    if (outcome == Outcome.DOWNLOADED && HumanUnits.hasUnit(result.bytes())) {
      line.append(", ").append(HumanUnits.rate(result.bytes(), result.elapsed()));
    }
    if (result.attempts() > 1) {
      line.append(", ").append(result.attempts()).append(" attempts");
    }
    return line.append(")\n").toString();
  }

  @Override
  public String summary(RunSummary s) {
    StringBuilder line = new StringBuilder();
    if (s.interrupted()) {
      line.append("Interrupted: ");
    }
    line.append(s.urls()).append(s.urls() == 1 ? " URL" : " URLs")
        .append(" in ").append(seconds(s.elapsed())).append(" s: ");
    if (s.notModified() + s.skipped() == 0) {
      line.append(s.succeeded()).append(" succeeded, ");
    } else {
      line.append(s.downloaded()).append(" downloaded, ");
      if (s.notModified() > 0) {
        line.append(s.notModified()).append(" up to date, ");
      }
      if (s.skipped() > 0) {
        line.append(s.skipped()).append(" skipped, ");
      }
    }
    line.append(s.failed()).append(" failed, ")
        .append(HumanUnits.size(s.bytes()));
    if (HumanUnits.hasUnit(s.bytes())) {
      line.append(", ").append(HumanUnits.rate(s.bytes(), s.elapsed()));
    }
    if (s.unfinished() > 0) {
      line.append(", ").append(s.unfinished()).append(" unfinished");
    }
    if (s.workerCrashes() > 0) {
      line.append(", ").append(s.workerCrashes())
          .append(s.workerCrashes() == 1 ? " worker crash" : " worker crashes");
    }
    line.append(" (").append(s.mode()).append(", ").append(s.workers())
        .append(s.workers() == 1 ? " worker)" : " workers)");
    return line.append('\n').toString();
  }

  /** {@code " -> DIR/PATH"} when the result was saved. */
  private void appendPath(StringBuilder line, DownloadResult result) {
    if (result.path() != null) {
      String shown = outputDir == null ? result.path() : outputDir.resolve(result.path()).toString();
      line.append(" -> ").append(Terminal.safe(shown));
    }
  }

  static long millis(Duration duration) {
    return Math.round(duration.toNanos() / 1e6);
  }

  static String seconds(Duration duration) {
    return HumanUnits.decimals(duration.toNanos() / 1e9, 3);
  }
}
