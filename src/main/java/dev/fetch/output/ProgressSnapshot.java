package dev.fetch.output;

import java.time.Duration;

/**
 * A run's progress at one moment, as a progress display shows it. Immutable.
 *
 * @param urls URL lines in the list, or -1 when not known (standard input, a pipe)
 * @param done URLs reported so far, failures and invalid lines included
 * @param failed of those, the failures
 * @param inFlight URLs started and not yet finished
 * @param bytes body bytes so far: finished URLs' results, and what has arrived of those in flight
 * @param totalBytes what {@code bytes} will be at the end, or -1 until it is known: every URL
 *     has started and each one in flight declared its length
 * @param estimatedTotal the best guess of that total: {@code totalBytes} when known, else what is
 *     declared plus, for each URL not started yet, the mean size of the finished ones; -1 when
 *     there is nothing to guess from
 * @param arrived every body byte read so far, retried attempts included: what a rate counts
 * @param slowest the URL in flight that holds the run up, when one does, or null
 */
public record ProgressSnapshot(long urls, long done, long failed, int inFlight, long bytes,
    long totalBytes, long estimatedTotal, long arrived, Slowest slowest) {

  /**
   * A URL in flight far longer than any other.
   *
   * @param url as shown to people (credentials removed), not yet made printable
   * @param bytes arrived of its body in this attempt
   * @param length its declared length, or -1
   * @param age how long since it started
   */
  public record Slowest(String url, long bytes, long length, Duration age) {}
}
