package dev.fetch.engine;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Downloader;
import dev.fetch.http.DownloaderStack;
import dev.fetch.input.Input;
import dev.fetch.input.InputException;
import dev.fetch.input.Inputs;
import dev.fetch.log.Diagnostics;
import dev.fetch.save.BodySink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okio.BufferedSource;

/**
 * Downloads the lists a run names by URL ({@code -i https://host/list.txt}) before the run, so
 * its plan holds every list's bytes and no URL of the run is requested first. A list is fetched
 * as a URL of the run would be — the same {@link DownloaderStack} built from the same
 * {@link DownloadSettings}: timeouts, user agent, retries and back-off, the JVM network
 * properties, credentials sent as Basic authentication — one list at a time, in order, and kept
 * in memory, at most {@link #MAX_BYTES} (or {@code --max-size} when smaller: a larger list fails
 * as too large).
 *
 * <p>A list that cannot be downloaded (any failure, an HTTP status of 400 or more included) is a
 * usage error naming its URL, credentials redacted, and the reason. {@link #cancel} (a signal)
 * stops the download from any thread. Not reusable: one {@link #download} per instance.
 */
public final class RemoteLists {
  /** The largest list fetched from a URL: 64 MiB, about a million URLs of 60 characters. */
  public static final long MAX_BYTES = 64L << 20;

  private final DownloadSettings settings;
  private final RunContext context;
  /** Guards {@link #runner}, so no interrupt of ours reaches the caller after the download. */
  private final Object runnerLock = new Object();
  /** The thread in {@link #download}, or null; guarded by {@link #runnerLock}. */
  private Thread runner;
  private volatile DownloaderStack stack;
  private volatile boolean cancelled;

  /** @param settings the run's settings; {@code maxSize} is capped at {@link #MAX_BYTES} */
  public RemoteLists(DownloadSettings settings, RunContext context) {
    this.settings = settings;
    this.context = context;
  }

  /**
   * Returns {@code inputs} with every list at a URL downloaded; the same inputs if none is.
   * Blocks until each has been downloaded or has failed.
   *
   * @throws InputException naming the first list that could not be downloaded, and why
   * @throws InterruptedException if {@link #cancel} was called
   */
  public Inputs download(Inputs inputs) throws InterruptedException {
    if (inputs.toDownload().isEmpty()) {
      return inputs;
    }
    synchronized (runnerLock) {
      runner = Thread.currentThread();
    }
    long limit = settings.maxSize() > 0 ? Math.min(settings.maxSize(), MAX_BYTES) : MAX_BYTES;
    MemorySink bodies = new MemorySink();
    try (DownloaderStack downloaders = new DownloaderStack(
        settings.toBuilder().maxSize(limit).build(), bodies, context.time(),
        context.diagnostics(), context.sharedPool(), null)) {
      stack = downloaders;
      if (cancelled) {
        downloaders.cancelAll();
      }
      Downloader downloader = downloaders.inProcess();
      List<Input> downloaded = new ArrayList<>();
      for (Input input : inputs.all()) {
        if (input instanceof Input.RemoteList && !((Input.RemoteList) input).isDownloaded()) {
          input = fetch(downloader, (Input.RemoteList) input, downloaded.size(), bodies);
        }
        downloaded.add(input);
      }
      return Inputs.of(downloaded);
    } finally {
      synchronized (runnerLock) {
        runner = null;
      }
      if (cancelled) {
        Thread.interrupted();
      }
    }
  }

  private Input.RemoteList fetch(Downloader downloader, Input.RemoteList list, int index,
      MemorySink bodies) throws InterruptedException {
    if (cancelled) {
      throw new InterruptedException("cancelled");
    }
    DownloadResult result = downloader.download(new DownloadRequest(index, list.url()));
    if (cancelled) {
      throw new InterruptedException("cancelled");
    }
    byte[] content = bodies.taken(index);
    if (!(result instanceof DownloadResult.Success) || content == null) {
      String reason = result instanceof DownloadResult.Failure
          ? ((DownloadResult.Failure) result).message() : "no body";
      throw new InputException("cannot download the list " + list.name() + ": "
          + Diagnostics.printable(reason));
    }
    return list.downloaded(content);
  }

  /**
   * Stops the download in progress and any later one: {@link #download} throws
   * {@link InterruptedException}. Safe from any thread, any number of times.
   */
  public void cancel() {
    cancelled = true;
    DownloaderStack current = stack;
    if (current != null) {
      current.cancelAll();
    }
    synchronized (runnerLock) {
      if (runner != null) {
        runner.interrupt();
      }
    }
  }

  /** Keeps each list's body in memory, by request index: the last complete attempt's. */
  private static final class MemorySink implements BodySink {
    private final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();

    @Override
    public long drain(DownloadRequest request, BufferedSource body) throws IOException {
      byte[] bytes = body.readByteArray();
      bodies.put(request.index(), bytes);
      return bytes.length;
    }

    byte[] taken(int index) {
      return bodies.remove(index);
    }
  }
}
