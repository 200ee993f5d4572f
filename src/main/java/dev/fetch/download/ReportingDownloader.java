package dev.fetch.download;

import java.util.concurrent.CompletableFuture;

/**
 * A {@link Downloader} that tells a {@link TransferListener} when each URL starts and how it
 * finished, around everything it decorates (retries included). Thread-safe if the decorated
 * downloader and the listener are.
 */
public final class ReportingDownloader implements Downloader {
  private final Downloader downloader;
  private final TransferListener listener;

  public ReportingDownloader(Downloader downloader, TransferListener listener) {
    this.downloader = downloader;
    this.listener = listener;
  }

  @Override
  public DownloadResult download(DownloadRequest request) {
    listener.started(request);
    DownloadResult result = downloader.download(request);
    listener.finished(request, result);
    return result;
  }

  @Override
  public CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
    listener.started(request);
    return downloader.downloadAsync(request).thenApply(result -> {
      listener.finished(request, result);
      return result;
    });
  }
}
