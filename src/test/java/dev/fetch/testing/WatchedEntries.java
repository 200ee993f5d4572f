package dev.fetch.testing;

import dev.fetch.input.UrlEntry;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * Entries that remember the thread reading them (a strategy's feeder), so a test can wait until
 * that thread is parked: with a launcher that never blocks, the feeder blocks nowhere but on its
 * window, so "parked" proves "the window is full", and "parked or finished" proves that every
 * entry it has read has been handed to the launcher. Thread-safe.
 */
public final class WatchedEntries implements Iterator<UrlEntry> {
  private final Iterator<UrlEntry> entries;
  private volatile Thread reader;

  public WatchedEntries(Iterator<UrlEntry> entries) {
    this.entries = entries;
  }

  @Override
  public boolean hasNext() {
    reader = Thread.currentThread();
    return entries.hasNext();
  }

  @Override
  public UrlEntry next() {
    return entries.next();
  }

  /**
   * Returns once the thread that last read an entry is waiting (parked), or fails after ten
   * seconds. Spins on the thread's state: no sleep.
   */
  public void awaitParked() {
    await(Thread.State.WAITING, Thread.State.WAITING);
  }

  /** Returns once the thread that last read an entry is waiting (parked) or has ended. */
  public void awaitParkedOrFinished() {
    await(Thread.State.WAITING, Thread.State.TERMINATED);
  }

  private void await(Thread.State one, Thread.State other) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Thread thread = reader;
      Thread.State state = thread == null ? null : thread.getState();
      if (state == one || state == other) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the reader of the entries never blocked");
      }
      Thread.onSpinWait();
    }
  }
}
