package dev.fetch.output;

import dev.fetch.engine.RunSummary;
import dev.fetch.download.DownloadResult;
import dev.fetch.json.JsonObjects;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * One JSON object per line: a {@code "result"} per URL, then one {@code "summary"}. The schema is
 * stable and documented in the README; fields are only ever added.
 */
public final class JsonLinesFormatter implements ResultFormatter {

  @Override
  public String result(DownloadResult result) {
    return write(json -> {
      json.writeStringField("type", "result");
      json.writeNumberField("index", result.index());
      json.writeStringField("url", result.url());
      JsonObjects.writeNullable(json, "status", result.status());
      json.writeNumberField("bytes", result.bytes());
      json.writeNumberField("elapsed_ms", millis(result.elapsed()));
      json.writeNumberField("attempts", result.attempts());
      json.writeStringField("worker", result.worker());
      if (result instanceof DownloadResult.Failure) {
        DownloadResult.Failure failure = (DownloadResult.Failure) result;
        json.writeStringField("error", failure.message());
        json.writeStringField("error_kind", failure.kind().wireName());
      } else {
        json.writeNullField("error");
        json.writeNullField("error_kind");
      }
      json.writeStringField("protocol", result.protocol());
      if (result instanceof DownloadResult.Success) {
        DownloadResult.Success success = (DownloadResult.Success) result;
        json.writeStringField("outcome", success.outcome().wireName());
        json.writeStringField("path", success.path());
        JsonObjects.writeNullable(json, "file_bytes",
            success.fileBytes() < 0 ? null : success.fileBytes());
      } else {
        json.writeStringField("outcome", "failed");
        json.writeNullField("path");
        json.writeNullField("file_bytes");
      }
    });
  }

  @Override
  public String summary(RunSummary s) {
    return write(json -> {
      json.writeStringField("type", "summary");
      json.writeStringField("mode", s.mode());
      json.writeNumberField("workers", s.workers());
      json.writeNumberField("urls", s.urls());
      json.writeNumberField("succeeded", s.succeeded());
      json.writeNumberField("failed", s.failed());
      json.writeNumberField("bytes", s.bytes());
      json.writeNumberField("elapsed_ms", millis(s.elapsed()));
      json.writeNumberField("unfinished", s.unfinished());
      json.writeBooleanField("interrupted", s.interrupted());
      json.writeNumberField("worker_crashes", s.workerCrashes());
      json.writeNumberField("downloaded", s.downloaded());
      json.writeNumberField("not_modified", s.notModified());
      json.writeNumberField("skipped", s.skipped());
    });
  }

  /** Milliseconds with microsecond precision, e.g. {@code 153.412}. */
  static BigDecimal millis(Duration duration) {
    return BigDecimal.valueOf(duration.toNanos(), 6).setScale(3, RoundingMode.HALF_UP);
  }

  private static String write(JsonObjects.Fields fields) {
    return JsonObjects.write(fields) + "\n";
  }
}
