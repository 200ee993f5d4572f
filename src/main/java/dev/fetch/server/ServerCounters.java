package dev.fetch.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The live counts behind {@link ServerStats}. Thread-safe: updated from every event loop. */
final class ServerCounters {
  private final LongAdder requests = new LongAdder();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger maxPending = new AtomicInteger();

  void request() {
    requests.increment();
  }

  void connectionOpened() {
    maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
  }

  void connectionClosed() {
    open.decrementAndGet();
  }

  void delayStarted() {
    maxPending.accumulateAndGet(pending.incrementAndGet(), Math::max);
  }

  void delayEnded() {
    pending.decrementAndGet();
  }

  ServerStats snapshot() {
    return new ServerStats(requests.sum(), open.get(), maxOpen.get(), maxPending.get());
  }
}
