package dev.fetch.trace;

/**
 * One bar on a worker's lane: a URL's download, or — when {@code url} is null — a worker JVM's
 * start-up (processes mode). Milliseconds from the run's start.
 *
 * @param url the URL downloaded, or null for a start-up phase
 */
public record Slice(double startMs, double endMs, UrlRecord url) {

  /** Whether this is a worker JVM's start-up rather than a download. */
  public boolean startup() {
    return url == null;
  }
}
