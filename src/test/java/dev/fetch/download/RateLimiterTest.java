package dev.fetch.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.FakeTime;
import dev.fetch.time.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** {@link RateLimiter} on fake time: the waits it asks for, never real ones. */
class RateLimiterTest {
  private final FakeTime fake = new FakeTime();
  private final Time time = fake.time();

  private static long totalNanos(List<Duration> waits) {
    return waits.stream().mapToLong(Duration::toNanos).sum();
  }

  @Test
  void oneReaderWaitsExactlyWhatItsBytesCostAtTheRate() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(1000, Duration.ZERO, time.ticker(), time.sleeper());

    for (int i = 0; i < 10; i++) {
      assertTrue(limiter.acquire(500, () -> false));
    }

    assertEquals(Duration.ofSeconds(5).toNanos(), totalNanos(fake.waits()),
        "5000 bytes at 1000 B/s");
    assertTrue(fake.waits().stream().allMatch(w -> w.compareTo(RateLimiter.SLICE) <= 0),
        "each sleep is one slice at most: " + fake.waits());
  }

  @Test
  void aReaderSlowerThanTheRateEarnsAtMostTheBurst() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(1000, Duration.ofMillis(100), time.ticker(),
        time.sleeper());
    fake.ticker().advance(Duration.ofSeconds(60));

    limiter.acquire(1000, () -> false);

    assertEquals(Duration.ofMillis(900).toNanos(), totalNanos(fake.waits()),
        "a minute idle is worth 100 ms, not 60 s");
  }

  @Test
  void readersShareOneRate() throws InterruptedException {
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    // The ticker stands still: each reader's wait says where it is in the shared schedule.
    RateLimiter limiter = new RateLimiter(1000, Duration.ZERO, () -> 0, waits::add);

    assertEquals(Duration.ofSeconds(1).toNanos(), limiter.reserve(1000));
    assertEquals(Duration.ofSeconds(2).toNanos(), limiter.reserve(1000),
        "the second reader waits for the first one's share too");
  }

  @Test
  void concurrentReadersTogetherWaitForAllTheirBytes() throws Exception {
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    RateLimiter limiter = new RateLimiter(1000, Duration.ZERO, () -> 0, waits::add);
    int readers = 4;
    CyclicBarrier start = new CyclicBarrier(readers);
    CountDownLatch done = new CountDownLatch(readers);
    List<Long> reserved = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < readers; i++) {
      new Thread(() -> {
        try {
          start.await();
          reserved.add(limiter.reserve(250));
        } catch (Exception e) {
          throw new AssertionError(e);
        } finally {
          done.countDown();
        }
      }).start();
    }
    done.await();

    Collections.sort(reserved);
    assertEquals(List.of(250_000_000L, 500_000_000L, 750_000_000L, 1_000_000_000L), reserved,
        "1000 bytes at 1000 B/s end after 1 s, whichever reader goes first");
  }

  @Test
  void aCancelledReaderStopsWaitingWithinASlice() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(10, Duration.ZERO, time.ticker(), time.sleeper());
    int[] asked = {0};

    boolean finished = limiter.acquire(100, () -> ++asked[0] > 3);

    assertFalse(finished);
    assertEquals(3, fake.waits().size(), "three slices, then cancelled: " + fake.waits());
  }

  @Test
  void aChunkIsATenthOfASecondsWorth() {
    assertEquals(209_715, RateLimiter.of(2 << 20, time.ticker(), time.sleeper()).chunk());
    assertEquals(1, RateLimiter.of(5, time.ticker(), time.sleeper()).chunk());
    assertFalse(RateLimiter.of(0, time.ticker(), time.sleeper()).limited());
  }
}
