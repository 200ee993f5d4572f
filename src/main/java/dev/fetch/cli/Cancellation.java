package dev.fetch.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What a signal cancels in a command of several steps (download the lists, then run): each step
 * registers its cancel action as it begins; a signal runs every action registered so far, and
 * any registered later runs at once. Thread-safe; the signal arrives on another thread.
 */
final class Cancellation implements Runnable {
  /** Guarded by {@code this}. */
  private final List<Runnable> actions = new ArrayList<>();
  /** Guarded by {@code this}. */
  private boolean cancelled;

  /** Registers {@code cancel}; runs it now, on this thread, if a signal has already come. */
  void add(Runnable cancel) {
    boolean now;
    synchronized (this) {
      actions.add(cancel);
      now = cancelled;
    }
    if (now) {
      cancel.run();
    }
  }

  /** The signal: cancels every step registered, and every later one. */
  @Override
  public void run() {
    List<Runnable> registered;
    synchronized (this) {
      cancelled = true;
      registered = List.copyOf(actions);
    }
    registered.forEach(Runnable::run);
  }
}
