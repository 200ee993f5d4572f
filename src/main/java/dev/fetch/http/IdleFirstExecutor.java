package dev.fetch.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A pool of at most {@code maxThreads} threads that hands a task to an idle thread before it
 * starts a new one, and queues it when all {@code maxThreads} are busy: the executor of OkHttp's
 * dispatcher in {@code async} mode.
 *
 * <p>A fixed pool ({@code Executors.newFixedThreadPool}) starts a new thread for every task until
 * it has {@code maxThreads}, idle ones or not: a run of 1,000 workers made 1,000 threads, each
 * paying its stack, its first socket buffers and its own copies of OkHttp's thread-local date
 * formats, although only about 240 calls were ever in flight together. This pool makes as many
 * threads as calls were really in flight at once, never more than {@code maxThreads}, so names
 * by creation order ({@code async-1} …) stay within the run's workers. Idle threads end after
 * {@code keepAlive} seconds; {@code shutdown} rejects new tasks and lets queued ones run, as any
 * {@link ThreadPoolExecutor}.
 */
final class IdleFirstExecutor {
  private IdleFirstExecutor() {}

  /** The pool; the caller owns it and shuts it down. */
  static ExecutorService create(int maxThreads, long keepAliveSeconds, ThreadFactory threads) {
    if (maxThreads < 1) {
      throw new IllegalArgumentException("maxThreads < 1: " + maxThreads);
    }
    HandOffQueue queue = new HandOffQueue();
    return new ThreadPoolExecutor(0, maxThreads, keepAliveSeconds, TimeUnit.SECONDS, queue,
        threads, (task, pool) -> {
          // Every thread is busy and there are maxThreads of them: wait in the queue.
          if (pool.isShutdown()) {
            throw new RejectedExecutionException("the pool is shut down");
          }
          queue.put(task);
        });
  }

  /**
   * Accepts a task only when an idle thread is waiting for one ({@code tryTransfer}); refused,
   * the pool starts a thread or, at its maximum, its rejection handler queues the task.
   */
  private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }
  }
}
