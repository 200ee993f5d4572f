package dev.fetch.time;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay without holding a thread meanwhile: the asynchronous form of a
 * {@link Sleeper}, injected into retry logic so tests need not wait for real.
 */
@FunctionalInterface
public interface Scheduler {
  /**
   * Runs {@code task} once, after {@code delay}, on a thread of the scheduler's choosing. Never
   * blocks the caller.
   */
  void schedule(Duration delay, Runnable task);

  /**
   * Real time: {@link CompletableFuture#delayedExecutor}, the task run on the JDK's one delay
   * thread (it only starts the next attempt, which does not block).
   */
  static Scheduler system() {
    return (delay, task) -> CompletableFuture.delayedExecutor(delay.toNanos(),
        TimeUnit.NANOSECONDS, Runnable::run).execute(task);
  }
}
