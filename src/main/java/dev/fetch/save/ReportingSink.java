package dev.fetch.save;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.TransferListener;
import dev.fetch.download.Validators;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A {@link BodySink} that tells a {@link TransferListener} about each body it is given: its
 * declared length when it starts, then every read as it happens, on the thread that drains it.
 * Everything else is the decorated sink's; thread-safe as it is.
 */
final class ReportingSink implements BodySink {
  private final BodySink sink;
  private final TransferListener listener;

  ReportingSink(BodySink sink, TransferListener listener) {
    this.sink = sink;
    this.listener = listener;
  }

  @Override
  public long drain(DownloadRequest request, BufferedSource body) throws IOException {
    return drain(request, body, -1);
  }

  @Override
  public long drain(DownloadRequest request, BufferedSource body, long declaredLength)
      throws IOException {
    return drain(request, body, BodyStart.of(declaredLength));
  }

  @Override
  public long drain(DownloadRequest request, BufferedSource body, BodyStart start)
      throws IOException {
    listener.bodyStarted(request, start.declaredLength());
    return sink.drain(request, reported(request, body), start);
  }

  private BufferedSource reported(DownloadRequest request, BufferedSource body) {
    return Okio.buffer(new ForwardingSource(body) {
      @Override
      public long read(Buffer into, long byteCount) throws IOException {
        long read = super.read(into, byteCount);
        if (read > 0) {
          listener.read(request, read);
        }
        return read;
      }
    });
  }

  @Override
  public LocalFile local(DownloadRequest request) throws IOException {
    return sink.local(request);
  }

  @Override
  public Validators resumeValidators(DownloadRequest request) {
    return sink.resumeValidators(request);
  }

  @Override
  public long finishPartial(DownloadRequest request) throws IOException {
    return sink.finishPartial(request);
  }

  @Override
  public void discardPartial(DownloadRequest request) throws IOException {
    sink.discardPartial(request);
  }

  @Override
  public String savedPath(DownloadRequest request) {
    return sink.savedPath(request);
  }

  @Override
  public void cleanUp() {
    sink.cleanUp();
  }
}
