package dev.fetch.download;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * A {@link Downloader} decorator for {@code --per-host}: at most {@code limit} downloads from any
 * one host at once, across every worker of the run. A worker over the limit waits for a place.
 *
 * <p>It sits inside the retry decorator, so a place is held only while a request runs, not during
 * back-off. {@link #downloadAsync} does not wait: the asynchronous path is limited by the HTTP
 * client's dispatcher ({@code maxRequestsPerHost}, set from the same option). Hosts are told apart
 * by name, case-insensitively. Thread-safe.
 */
public final class PerHostLimiter implements Downloader {
  private final Downloader delegate;
  private final int limit;
  private final ConcurrentMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

  public PerHostLimiter(Downloader delegate, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    this.delegate = delegate;
    this.limit = limit;
  }

  @Override
  public DownloadResult download(DownloadRequest request) {
    Semaphore places = hosts.computeIfAbsent(request.url().host().toLowerCase(Locale.ROOT),
        host -> new Semaphore(limit, true));
    try {
      places.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DownloadResult.Failure.beforeRequest(request.index(), request.displayUrl(),
          ErrorKind.IO, "interrupted while waiting for a place on " + request.url().host());
    }
    try {
      return delegate.download(request);
    } finally {
      places.release();
    }
  }

  @Override
  public CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
    return delegate.downloadAsync(request);
  }
}
