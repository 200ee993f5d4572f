package dev.fetch.output;

import java.time.Duration;

/**
 * The daemon thread that moves a progress display: runs a task every interval, in real time,
 * until stopped. The task is the display's; tests call it themselves, with a fake ticker, and
 * never start this thread.
 */
final class ProgressThread {
  private final Thread thread;
  private volatile boolean stopped;

  private ProgressThread(String name, Duration every, Runnable tick) {
    this.thread = new Thread(() -> {
      while (!stopped) {
        try {
          Thread.sleep(every.toMillis());
        } catch (InterruptedException e) {
          return;
        }
        if (!stopped) {
          tick.run();
        }
      }
    }, name);
    thread.setDaemon(true);
  }

  /** Starts running {@code tick} every {@code every}, the first time after one interval. */
  static ProgressThread start(String name, Duration every, Runnable tick) {
    ProgressThread started = new ProgressThread(name, every, tick);
    started.thread.start();
    return started;
  }

  /**
   * Stops the thread and waits for a tick in progress to end (at most a few seconds: a tick
   * asking {@code stty} for the width may be slow). No tick starts after this returns.
   */
  void stop() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(3_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
