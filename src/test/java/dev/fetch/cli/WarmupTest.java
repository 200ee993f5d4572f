package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The warm-up ends by itself and leaves no thread of its own behind: only the daemon threads
 * OkHttp and Okio share across the whole JVM (its task runner and the timeout watchdog, which
 * the run uses anyway and which end after a minute idle).
 */
class WarmupTest {
  @Test
  void endsAndLeavesNoThreadOfItsOwnBehind() {
    Set<Thread> before = alive();

    Warmup warmup = Warmup.start();
    warmup.await();     // bounded by Warmup.LONGEST
    warmup.await();

    Set<String> started = new HashSet<>();
    for (Thread thread : alive()) {
      if (!before.contains(thread) && !(thread.isDaemon()
          && (thread.getName().equals("OkHttp TaskRunner")
              || thread.getName().equals("Okio Watchdog")))) {
        started.add(thread.getName());
      }
    }
    assertEquals(Set.of(), started);
  }

  private static Set<Thread> alive() {
    Set<Thread> alive = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive()) {
        alive.add(thread);
      }
    }
    return alive;
  }
}
