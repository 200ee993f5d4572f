package dev.fetch.download;

import java.io.IOException;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/** Counts the bytes read through it, so a failed body can still say how much had arrived. */
final class CountingSource extends ForwardingSource {
  private long count;

  CountingSource(Source delegate) {
    super(delegate);
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    long read = super.read(sink, byteCount);
    if (read > 0) {
      count += read;
    }
    return read;
  }

  /** Bytes read so far. Read it on the thread that reads the source. */
  long count() {
    return count;
  }
}
