package dev.fetch.output;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.TransferListener;
import dev.fetch.time.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts behind a progress display: URLs started, in flight and reported, and bytes as they
 * arrive. Fed by the downloading threads ({@link TransferListener}) and by the reporting thread
 * ({@link #reported}); read by the display's thread ({@link #snapshot}). Thread-safe and
 * lock-free: a snapshot may be a moment behind one thread or another, never inconsistent enough
 * to count a byte twice.
 */
final class ProgressTally implements TransferListener {
  /** A URL in flight this long, and twice as long as any other, holds the run up. */
  static final Duration SLOWEST_AFTER = Duration.ofSeconds(2);

  private final Ticker ticker;
  private final Map<Integer, Flight> flights = new ConcurrentHashMap<>();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong finished = new AtomicLong();
  private final AtomicLong finishedBytes = new AtomicLong();
  private final AtomicLong arrived = new AtomicLong();
  private volatile long urls = -1;
  /** Written by the reporting thread only. */
  private volatile long done;
  private volatile long failed;
  private volatile long invalid;

  ProgressTally(Ticker ticker) {
    this.ticker = ticker;
  }

  /** The list has {@code urls} URL lines (-1: not known). */
  void urls(long urls) {
    this.urls = urls;
  }

  @Override
  public void started(DownloadRequest request) {
    started.incrementAndGet();
    flights.put(request.index(), new Flight(request.displayUrl(), ticker.read()));
  }

  @Override
  public void bodyStarted(DownloadRequest request, long length) {
    Flight flight = flights.get(request.index());
    if (flight != null) {
      flight.length = length;
      flight.bytes.set(0);
    }
  }

  @Override
  public void read(DownloadRequest request, long bytes) {
    arrived.addAndGet(bytes);
    Flight flight = flights.get(request.index());
    if (flight != null) {
      flight.bytes.addAndGet(bytes);
    }
  }

  @Override
  public void finished(DownloadRequest request, DownloadResult result) {
    finishedBytes.addAndGet(result.bytes());
    finished.incrementAndGet();
    flights.remove(request.index());
  }

  /** A result was reported (on the reporting thread): counted as done, or failed. */
  void reported(DownloadResult result) {
    done++;
    if (!result.succeeded()) {
      failed++;
      if (result.attempts() == 0) {
        invalid++;
      }
    }
  }

  /** The progress now. */
  ProgressSnapshot snapshot() {
    long now = ticker.read();
    long bytes = finishedBytes.get();
    long declaredRest = 0;
    boolean lengthsKnown = true;
    Flight oldest = null;
    long secondOldestStart = Long.MAX_VALUE;
    int inFlight = 0;
    for (Flight flight : flights.values()) {
      inFlight++;
      long read = flight.bytes.get();
      bytes += read;
      long length = flight.length;
      if (length >= 0) {
        declaredRest += Math.max(0, length - read);
      } else {
        lengthsKnown = false;
      }
      if (oldest == null || flight.start < oldest.start) {
        if (oldest != null) {
          secondOldestStart = oldest.start;
        }
        oldest = flight;
      } else if (flight.start < secondOldestStart) {
        secondOldestStart = flight.start;
      }
    }
    long total = urls;
    long notStarted = total < 0 ? -1 : Math.max(0, total - started.get() - invalid);
    long totalBytes = notStarted == 0 && lengthsKnown ? bytes + declaredRest : -1;
    long estimated = totalBytes;
    long finishedUrls = finished.get();
    if (estimated < 0 && notStarted > 0 && finishedUrls > 0) {
      estimated = bytes + declaredRest + notStarted * (finishedBytes.get() / finishedUrls);
    }
    return new ProgressSnapshot(total, done, failed, inFlight, bytes, totalBytes, estimated,
        arrived.get(), slowest(oldest, secondOldestStart, now));
  }

  private static ProgressSnapshot.Slowest slowest(Flight oldest, long secondOldestStart,
      long now) {
    if (oldest == null) {
      return null;
    }
    long age = now - oldest.start;
    long secondAge = secondOldestStart == Long.MAX_VALUE ? 0 : now - secondOldestStart;
    if (age < SLOWEST_AFTER.toNanos() || age < 2 * secondAge) {
      return null;
    }
    return new ProgressSnapshot.Slowest(oldest.url, oldest.bytes.get(), oldest.length,
        Duration.ofNanos(age));
  }

  /** One URL in flight; its fields are written by the thread that downloads it. */
  private static final class Flight {
    final String url;
    final long start;
    final AtomicLong bytes = new AtomicLong();
    volatile long length = -1;

    Flight(String url, long start) {
      this.url = url;
      this.start = start;
    }
  }
}
