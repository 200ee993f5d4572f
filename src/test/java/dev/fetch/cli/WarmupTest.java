package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The warm-up ends by itself and leaves nothing behind: no thread of its own or of OkHttp's. */
class WarmupTest {
  @Test
  void endsAndLeavesNoThreadBehind() {
    Set<Thread> before = alive();

    assertTimeoutPreemptively(Warmup.LONGEST.plus(Duration.ofSeconds(5)), () -> {
      Warmup warmup = Warmup.start();
      warmup.await();
      warmup.await();
    });

    Set<Thread> started = alive();
    started.removeAll(before);
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
