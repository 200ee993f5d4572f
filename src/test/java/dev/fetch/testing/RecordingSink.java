package dev.fetch.testing;

import dev.fetch.download.DownloadRequest;
import dev.fetch.save.BodySink;
import dev.fetch.save.DiscardingSink;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import okio.BufferedSource;

/**
 * A {@link BodySink} that counts and discards bodies as the real one does, and records each
 * request whose body it was given: so a test knows which bodies were stored, and, through
 * {@link #draining()}, when a download has its headers and is reading its body. Thread-safe.
 */
public final class RecordingSink implements BodySink {
  private final List<DownloadRequest> drained = new CopyOnWriteArrayList<>();
  private final CountDownLatch draining = new CountDownLatch(1);

  @Override
  public long drain(DownloadRequest request, BufferedSource body) throws IOException {
    drained.add(request);
    draining.countDown();
    return DiscardingSink.count(body);
  }

  /** The requests whose bodies reached the sink, in the order they did. */
  public List<DownloadRequest> drained() {
    return List.copyOf(drained);
  }

  /** Opens when the first body reaches the sink. */
  public CountDownLatch draining() {
    return draining;
  }
}
