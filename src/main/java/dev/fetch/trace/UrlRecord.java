package dev.fetch.trace;

/**
 * One URL of one run, as the timeline and the JSON export show it. Times are milliseconds from the
 * run's start; {@code startMs} is {@code endMs} less the URL's elapsed time.
 *
 * @param status HTTP status, or null when no response came
 * @param errorKind the failure's {@code error_kind}, or null on success
 */
public record UrlRecord(
    int index, String url, String worker, Integer status, long bytes, double startMs,
    double endMs, int attempts, String errorKind) {

  public boolean succeeded() {
    return errorKind == null;
  }
}
