package dev.fetch.strategy;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names worker threads {@code worker-1}, {@code worker-2}, … so results can say who ran them.
 * Threads are daemons: a stuck download never keeps the JVM alive after the run.
 */
final class WorkerThreads implements ThreadFactory {
  private final AtomicInteger count = new AtomicInteger();

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, "worker-" + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
