package dev.fetch.testing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponseBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * A response body that MockWebServer sends in equal steps, each when the test calls
 * {@link #step()}, so a test sees a download move exactly as it says, never by the clock. A step
 * not given within {@code timeoutSeconds} ends the body short, so a failed test never hangs the
 * server. The bytes are {@link TestSite#body}'s.
 */
public final class SteppedBody implements MockResponseBody {
  private final int steps;
  private final int stepSize;
  private final long timeoutSeconds;
  private final Semaphore allowed = new Semaphore(0);

  public SteppedBody(int steps, int stepSize, long timeoutSeconds) {
    this.steps = steps;
    this.stepSize = stepSize;
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public long getContentLength() {
    return (long) steps * stepSize;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    Buffer body = TestSite.body(steps * stepSize);
    for (int i = 0; i < steps; i++) {
      try {
        if (!allowed.tryAcquire(timeoutSeconds, TimeUnit.SECONDS)) {
          throw new IOException("step " + (i + 1) + " was never given");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted between steps");
      }
      sink.write(body, stepSize);
      sink.flush();
    }
  }

  /** Lets the next step of the body go. */
  public void step() {
    allowed.release();
  }
}
