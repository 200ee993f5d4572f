package dev.fetch.http;

import java.io.IOException;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * Counts the bytes read through it, so a failed body can still say how much had arrived, and
 * stops a body that grows past a limit (a decompression bomb, say) as soon as it does.
 */
final class CountingSource extends ForwardingSource {
  private final long limit;
  private long count;

  /** @param limit the most bytes allowed through, or 0 for no limit */
  CountingSource(Source delegate, long limit) {
    super(delegate);
    this.limit = limit;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    long read = super.read(sink, byteCount);
    if (read > 0) {
      count += read;
      if (limit > 0 && count > limit) {
        throw new TooLargeException(limit);
      }
    }
    return read;
  }

  /** Bytes read so far. Read it on the thread that reads the source. */
  long count() {
    return count;
  }
}
