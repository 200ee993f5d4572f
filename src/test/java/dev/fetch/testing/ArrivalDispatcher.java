package dev.fetch.testing;

import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A {@link TestSite} that also counts down a latch as each request for {@code /stall} arrives,
 * so a test knows when the client is mid-download.
 */
public final class ArrivalDispatcher extends mockwebserver3.Dispatcher {
  private final TestSite site = new TestSite();
  private final CountDownLatch stalled;

  public ArrivalDispatcher(int stalls) {
    this.stalled = new CountDownLatch(stalls);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (request.getUrl().encodedPath().startsWith("/stall")) {
      stalled.countDown();
    }
    return site.dispatch(request);
  }

  /** Counts down once per {@code /stall} request received. */
  public CountDownLatch stalled() {
    return stalled;
  }
}
