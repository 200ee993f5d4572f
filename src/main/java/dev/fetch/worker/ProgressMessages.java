package dev.fetch.worker;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.TransferListener;
import dev.fetch.time.Ticker;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A worker's side of live progress (started with {@value WorkerMain#PROGRESS}): tells its parent,
 * on the result pipe, when an attempt's body starts, then its bytes so far at most every
 * {@link #EVERY} (the parent's bar is redrawn about as often), so a large body downloaded by a
 * worker moves the parent's progress bar as one downloaded in-process does. The parent turns
 * the messages back into {@link TransferListener} calls ({@link WorkerProcess}).
 *
 * <p>Thread-safe; in a worker only its one download thread calls it.
 */
final class ProgressMessages implements TransferListener {
  static final Duration EVERY = Duration.ofMillis(100);

  private final Consumer<String> send;
  private final Ticker ticker;
  private int index = -1;
  private long length;
  private long bytes;
  private long sentAt;

  /** @param send writes one message line to the parent, whole */
  ProgressMessages(Consumer<String> send, Ticker ticker) {
    this.send = send;
    this.ticker = ticker;
  }

  @Override
  public synchronized void bodyStarted(DownloadRequest request, long declared) {
    index = request.index();
    length = declared;
    bytes = 0;
    sentAt = ticker.read();
    send.accept(WireFormat.progress(new WireFormat.Transfer(index, length, 0)));
  }

  @Override
  public synchronized void read(DownloadRequest request, long read) {
    if (request.index() != index) {
      return;
    }
    bytes += read;
    long now = ticker.read();
    if (now - sentAt >= EVERY.toNanos()) {
      sentAt = now;
      send.accept(WireFormat.progress(new WireFormat.Transfer(index, length, bytes)));
    }
  }
}
