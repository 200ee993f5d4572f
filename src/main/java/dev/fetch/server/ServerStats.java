package dev.fetch.server;

/**
 * A snapshot of what the site server has handled, for tests, {@code fetch serve} and benchmarks.
 *
 * @param requests requests received since start
 * @param openConnections connections open now
 * @param maxOpenConnections the most connections ever open at once
 * @param maxPendingDelays the most responses ever waiting out a {@code delay} at once
 */
public record ServerStats(
    long requests, int openConnections, int maxOpenConnections, int maxPendingDelays) {}
