package dev.fetch.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Holds every request inside the server until {@code parties} requests are in flight at once,
 * then lets them all answer: the proof that a client really runs that many requests
 * concurrently. If fewer ever arrive together, the gate gives up after a timeout and
 * {@link #opened()} stays false. Also records the most requests ever in flight.
 */
public final class GateDispatcher extends Dispatcher {
  private final CountDownLatch gate;
  private final long timeoutSeconds;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile boolean opened;

  public GateDispatcher(int parties, long timeoutSeconds) {
    this.gate = new CountDownLatch(parties);
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      gate.countDown();
      if (gate.await(timeoutSeconds, TimeUnit.SECONDS)) {
        opened = true;
      }
      return new MockResponse.Builder().body("ok").build();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** Whether the expected number of requests were ever in flight together. */
  public boolean opened() {
    return opened;
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }
}
