package dev.fetch.download;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * A {@link Downloader} decorator for {@code --per-host}: at most {@code limit} downloads from any
 * one host at once, across every worker of the run, in both forms. A blocking download over the
 * limit waits for a place; an asynchronous one is started when a place frees up, holding no
 * thread meanwhile. Places are handed out first come, first served.
 *
 * <p>It sits inside the retry decorator, so a place is held only while a request runs, not during
 * back-off. Hosts are told apart by name, case-insensitively. Thread-safe; no lock is held while
 * a download runs or a waiter is woken.
 */
public final class PerHostLimiter implements Downloader {
  private final Downloader delegate;
  private final int limit;
  private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

  public PerHostLimiter(Downloader delegate, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    this.delegate = delegate;
    this.limit = limit;
  }

  @Override
  public DownloadResult download(DownloadRequest request) {
    Host host = hostOf(request);
    CompletableFuture<Void> place = host.acquire();
    try {
      place.get();
    } catch (InterruptedException e) {
      host.abandon(place);
      Thread.currentThread().interrupt();
      return DownloadResult.Failure.beforeRequest(request.index(), request.displayUrl(),
          ErrorKind.IO, "interrupted while waiting for a place on " + request.url().host());
    } catch (ExecutionException | CancellationException e) {
      throw new IllegalStateException("a place is only ever granted", e);
    }
    try {
      return delegate.download(request);
    } finally {
      host.release();
    }
  }

  @Override
  public CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
    Host host = hostOf(request);
    return host.acquire().thenCompose(granted -> {
      CompletableFuture<DownloadResult> download;
      try {
        download = delegate.downloadAsync(request);
      } catch (RuntimeException | Error e) {
        host.release();
        throw e;
      }
      return download.whenComplete((result, bug) -> host.release());
    });
  }

  private Host hostOf(DownloadRequest request) {
    return hosts.computeIfAbsent(request.url().host().toLowerCase(Locale.ROOT),
        name -> new Host(limit));
  }

  /** Releases queued on this thread while a release is granting a place (see {@link Host}). */
  private static final ThreadLocal<Deque<Host>> RELEASING = new ThreadLocal<>();

  /** One host's places and the downloads waiting for one. */
  private static final class Host {
    /** Free places; guarded by {@code this}. */
    private int free;
    /** Waiters in arrival order; guarded by {@code this}. */
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();

    Host(int limit) {
      this.free = limit;
    }

    /** A future that completes when the caller holds a place (at once if one is free). */
    synchronized CompletableFuture<Void> acquire() {
      if (free > 0) {
        free--;
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> place = new CompletableFuture<>();
      waiting.add(place);
      return place;
    }

    /**
     * Gives a place back: to the first live waiter, else to the pool. Granting a place starts
     * that waiter's download on this thread; if that download ends at once (a run being torn
     * down) and releases again, the nested release is queued and done by the outermost one, so
     * the stack never grows with the number of waiters.
     */
    void release() {
      Deque<Host> pending = RELEASING.get();
      if (pending != null) {
        pending.add(this);
        return;
      }
      pending = new ArrayDeque<>();
      RELEASING.set(pending);
      try {
        releaseOne();
        for (Host next; (next = pending.poll()) != null; ) {
          next.releaseOne();
        }
      } finally {
        RELEASING.remove();
      }
    }

    private void releaseOne() {
      while (true) {
        CompletableFuture<Void> next;
        synchronized (this) {
          next = waiting.poll();
          if (next == null) {
            free++;
            return;
          }
        }
        if (next.complete(null)) {
          return;
        }
        // That waiter gave up (cancelled) before it was granted: try the next one.
      }
    }

    /** A waiter gives up: if its place was granted meanwhile, it is given back. */
    void abandon(CompletableFuture<Void> place) {
      if (place.cancel(false)) {
        synchronized (this) {
          waiting.remove(place);
        }
      } else {
        release();
      }
    }
  }
}
