package dev.fetch.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class PerHostLimiterTest {
  private static DownloadRequest request(int index, String host) {
    return new DownloadRequest(index, HttpUrl.get("http://" + host + "/" + index));
  }

  private static DownloadResult ok(DownloadRequest request) {
    return new DownloadResult.Success(request.index(), request.displayUrl(), 200, 1,
        Duration.ZERO, 1, "w");
  }

  /** Downloads that finish only when the test completes them, counting how many are open. */
  private static final class HeldDownloads implements Downloader {
    final List<CompletableFuture<DownloadResult>> started = new ArrayList<>();
    final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
    final AtomicInteger mostOpenOnA = new AtomicInteger();
    final List<AtomicInteger> hosts = new ArrayList<>();

    @Override
    public DownloadResult download(DownloadRequest request) {
      throw new AssertionError("async only");
    }

    @Override
    public synchronized CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
      AtomicInteger count = open.computeIfAbsent(request.url().host(), h -> new AtomicInteger());
      int now = count.incrementAndGet();
      if (request.url().host().equals("a.test")) {
        mostOpenOnA.accumulateAndGet(now, Math::max);
      }
      CompletableFuture<DownloadResult> result = new CompletableFuture<>();
      started.add(result);
      hosts.add(count);
      return result;
    }

    synchronized int startedCount() {
      return started.size();
    }

    void finish(int i) {
      CompletableFuture<DownloadResult> download;
      synchronized (this) {
        download = started.get(i);
        hosts.get(i).decrementAndGet();
      }
      download.complete(new DownloadResult.Success(i, "u", 200, 1, Duration.ZERO, 1, "w"));
    }
  }

  @Test
  void asyncDownloadsOverTheLimitStartOnlyWhenAPlaceFrees() throws Exception {
    HeldDownloads held = new HeldDownloads();
    PerHostLimiter limiter = new PerHostLimiter(held, 2);
    List<CompletableFuture<DownloadResult>> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      results.add(limiter.downloadAsync(request(i, "a.test")));
    }
    CompletableFuture<DownloadResult> other = limiter.downloadAsync(request(4, "b.test"));

    assertEquals(3, held.startedCount(), "two on a.test, one on b.test; two waiting");
    held.finish(0);
    assertTrue(results.get(0).isDone());
    assertEquals(4, held.startedCount(), "the freed place went to the next waiter");
    held.finish(1);
    held.finish(3);
    held.finish(4);
    held.finish(2);
    for (CompletableFuture<DownloadResult> result : results) {
      assertEquals(200, result.get(1, TimeUnit.SECONDS).status());
    }
    assertTrue(other.isDone());
    assertEquals(2, held.mostOpenOnA.get());
  }

  @Test
  void blockingDownloadsNeverExceedTheLimitPerHost() throws Exception {
    int workers = 6;
    CountDownLatch twoInside = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Downloader gate = request -> {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      twoInside.countDown();
      try {
        assertTrue(release.await(10, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      } finally {
        inside.decrementAndGet();
      }
      return ok(request);
    };
    PerHostLimiter limiter = new PerHostLimiter(gate, 2);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<DownloadResult>> results = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        DownloadRequest request = request(i, i % 2 == 0 ? "A.test" : "a.test");
        results.add(pool.submit(() -> limiter.download(request)));
      }
      assertTrue(twoInside.await(10, TimeUnit.SECONDS));
      assertEquals(2, inside.get(), "host names compare case-insensitively");
      release.countDown();
      for (Future<DownloadResult> result : results) {
        assertEquals(200, result.get(10, TimeUnit.SECONDS).status());
      }
      assertEquals(2, most.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aWaiterInterruptedGivesUpWithoutLosingThePlace() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Downloader gate = request -> {
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ok(request);
    };
    PerHostLimiter limiter = new PerHostLimiter(gate, 1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<DownloadResult> first = pool.submit(() -> limiter.download(request(0, "a.test")));
      assertTrue(inside.await(10, TimeUnit.SECONDS));
      Thread.currentThread().interrupt();
      DownloadResult gaveUp = limiter.download(request(1, "a.test"));
      assertTrue(Thread.interrupted(), "the interrupt is kept");
      assertFalse(gaveUp.succeeded());
      assertTrue(((DownloadResult.Failure) gaveUp).message().contains("interrupted"));

      release.countDown();
      assertEquals(200, first.get(10, TimeUnit.SECONDS).status());
      assertEquals(200, limiter.download(request(2, "a.test")).status(),
          "the place came back when the first ended");
    } finally {
      pool.shutdownNow();
    }
  }

  /** Downloads that end at once (a run being torn down) must not nest one release per waiter. */
  @Test
  void manyWaitersWhoseDownloadsEndAtOnceDoNotGrowTheStack() throws Exception {
    CompletableFuture<DownloadResult> first = new CompletableFuture<>();
    Downloader endsAtOnce = new Downloader() {
      @Override
      public DownloadResult download(DownloadRequest request) {
        throw new AssertionError("async only");
      }

      @Override
      public CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
        return request.index() == 0 ? first : CompletableFuture.completedFuture(ok(request));
      }
    };
    PerHostLimiter limiter = new PerHostLimiter(endsAtOnce, 1);
    List<CompletableFuture<DownloadResult>> results = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      results.add(limiter.downloadAsync(request(i, "a.test")));
    }

    first.complete(ok(request(0, "a.test")));

    for (CompletableFuture<DownloadResult> result : results) {
      assertEquals(200, result.get(1, TimeUnit.SECONDS).status());
    }
  }
}
