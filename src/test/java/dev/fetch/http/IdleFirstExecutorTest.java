package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link IdleFirstExecutor}: an idle thread takes the next task, no more than the maximum of
 * threads ever run, the tasks beyond wait and all run, and a shut-down pool refuses new tasks but
 * finishes the queued ones. Gates and latches only; every wait has a deadline.
 */
class IdleFirstExecutorTest {
  private static final long DEADLINE_SECONDS = 10;

  private final AtomicInteger made = new AtomicInteger();
  private final ThreadFactory threads = task -> {
    Thread thread = new Thread(task, "pool-" + made.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  };
  private ExecutorService pool;

  @AfterEach
  void stop() throws InterruptedException {
    if (pool != null) {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(DEADLINE_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void anIdleThreadTakesTheNextTaskInsteadOfANewThread() throws Exception {
    pool = IdleFirstExecutor.create(8, 60, threads);
    List<String> ranOn = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 5; i++) {
      awaitIdleThreadOnceOneExists();
      CountDownLatch done = new CountDownLatch(1);
      pool.execute(() -> {
        ranOn.add(Thread.currentThread().getName());
        done.countDown();
      });
      assertTrue(done.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    }
    assertEquals(List.of("pool-1", "pool-1", "pool-1", "pool-1", "pool-1"), ranOn);
    assertEquals(1, made.get());
  }

  @Test
  void neverRunsMoreThanItsMaximumAndQueuesTheRest() throws Exception {
    pool = IdleFirstExecutor.create(2, 60, threads);
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch finished = new CountDownLatch(7);
    Set<String> ranOn = ConcurrentHashMap.newKeySet();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    for (int i = 0; i < 7; i++) {
      pool.execute(() -> {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        ranOn.add(Thread.currentThread().getName());
        started.countDown();
        try {
          gate.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        finished.countDown();
      });
    }
    assertTrue(started.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    assertEquals(5, ((ThreadPoolExecutor) pool).getQueue().size(), "five wait for a thread");
    gate.countDown();
    assertTrue(finished.await(DEADLINE_SECONDS, TimeUnit.SECONDS), "every task ran");
    assertEquals(2, mostAtOnce.get());
    assertEquals(Set.of("pool-1", "pool-2"), ranOn);
    assertEquals(2, made.get());
  }

  @Test
  void aShutDownPoolRefusesNewTasksAndFinishesQueuedOnes() throws Exception {
    pool = IdleFirstExecutor.create(1, 60, threads);
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch queuedRan = new CountDownLatch(1);
    pool.execute(() -> {
      first.countDown();
      try {
        gate.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertTrue(first.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    pool.execute(queuedRan::countDown);
    pool.shutdown();
    assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
    gate.countDown();
    assertTrue(queuedRan.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    assertTrue(pool.awaitTermination(DEADLINE_SECONDS, TimeUnit.SECONDS));
  }

  @Test
  void refusesAPoolOfNoThreads() {
    assertThrows(IllegalArgumentException.class, () -> IdleFirstExecutor.create(0, 60, threads));
  }

  /**
   * Waits (bounded) until the pool's one thread, if it has started, is parked waiting for a
   * task: only then does a hand-off find it idle.
   */
  private void awaitIdleThreadOnceOneExists() {
    if (made.get() == 0) {
      return;
    }
    LinkedTransferQueue<Runnable> queue =
        (LinkedTransferQueue<Runnable>) ((ThreadPoolExecutor) pool).getQueue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (!queue.hasWaitingConsumer()) {
      assertTrue(System.nanoTime() < deadline, "the pool's thread never went idle");
      Thread.onSpinWait();
    }
  }
}
