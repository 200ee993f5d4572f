package dev.fetch.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Standard input that nobody has typed on yet: the first read opens {@link #reading()} and
 * blocks until {@link #release()} (or gives up after a minute, so a failed test never hangs the
 * build), then yields {@code text} and ends. Reads are not interruptible, like a real
 * {@code System.in}.
 */
public final class BlockedInput extends InputStream {
  private final CountDownLatch reading = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final InputStream text;

  public BlockedInput(String text) {
    this.text = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    reading.countDown();
    boolean waited = false;
    while (!waited) {
      try {
        release.await(1, TimeUnit.MINUTES);
        waited = true;
      } catch (InterruptedException e) {
        // Ignored, like a blocked read of a real standard input.
      }
    }
    return text.read(b, off, len);
  }

  /** Opens when a read has begun (and is blocked). */
  public CountDownLatch reading() {
    return reading;
  }

  /** Lets the reads go on. */
  public void release() {
    release.countDown();
  }
}
