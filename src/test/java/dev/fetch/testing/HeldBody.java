package dev.fetch.testing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponseBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * A response body that MockWebServer sends in two halves with a gate between them: the first
 * half is flushed, {@link #sent()} opens, and the second half waits for {@link #release()} (or
 * gives up after {@code timeoutSeconds}, so a failed test never hangs the server). The body
 * bytes are {@link TestSite#body}'s.
 */
public final class HeldBody implements MockResponseBody {
  private final int size;
  private final long timeoutSeconds;
  private final CountDownLatch sent = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  public HeldBody(int size, long timeoutSeconds) {
    this.size = size;
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public long getContentLength() {
    return size;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    int half = size / 2;
    sink.write(TestSite.body(size), half);
    sink.flush();
    sent.countDown();
    try {
      release.await(timeoutSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while held");
    }
    Buffer rest = TestSite.body(size);
    rest.skip(half);
    sink.writeAll(rest);
    sink.flush();
  }

  /** Opens once the first half has been flushed to the client. */
  public CountDownLatch sent() {
    return sent;
  }

  /** Lets the second half go. */
  public void release() {
    release.countDown();
  }
}
