package dev.fetch.testing;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.Downloader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Downloader} whose {@link #downloadAsync} returns a future that only the test completes
 * ({@link #succeed}, {@link #fail}), from whatever thread it likes: so a test chooses the order
 * in which downloads end. Records every request started. Its blocking {@link #download} is not
 * for use. Thread-safe.
 */
public final class FakeAsyncDownloader implements Downloader {
  private final Map<Integer, CompletableFuture<DownloadResult>> pending = new ConcurrentHashMap<>();
  private final List<Integer> started = new CopyOnWriteArrayList<>();
  private final Semaphore starts = new Semaphore(0);
  private int awaited;

  @Override
  public DownloadResult download(DownloadRequest request) {
    throw new UnsupportedOperationException("FakeAsyncDownloader downloads only asynchronously");
  }

  @Override
  public CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
    CompletableFuture<DownloadResult> future = new CompletableFuture<>();
    pending.put(request.index(), future);
    started.add(request.index());
    starts.release();
    return future;
  }

  /**
   * Completes download {@code index} with a success of {@code index} bytes, worked by the calling
   * thread.
   */
  public void succeed(int index) {
    future(index).complete(new DownloadResult.Success(index, "http://127.0.0.1/" + index, 200,
        index, Duration.ZERO, 1, Thread.currentThread().getName()));
  }

  /** Completes download {@code index} exceptionally with {@code bug}. */
  public void fail(int index, Throwable bug) {
    future(index).completeExceptionally(bug);
  }

  /** Waits until {@code count} downloads have been started in all; called from one thread. */
  public synchronized void awaitStarted(int count) {
    try {
      if (count > awaited) {
        if (!starts.tryAcquire(count - awaited, 10, TimeUnit.SECONDS)) {
          throw new AssertionError("never started " + count + "; started " + started);
        }
        awaited = count;
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The indexes started so far, in the order they were. */
  public List<Integer> started() {
    return List.copyOf(started);
  }

  private CompletableFuture<DownloadResult> future(int index) {
    CompletableFuture<DownloadResult> future = pending.remove(index);
    if (future == null) {
      throw new AssertionError("not started or already complete: " + index);
    }
    return future;
  }
}
