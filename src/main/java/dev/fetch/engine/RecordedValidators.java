package dev.fetch.engine;

import dev.fetch.download.CookieStore;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.Downloader;
import dev.fetch.download.Downloaders;
import dev.fetch.download.TransferListener;
import dev.fetch.log.Diagnostics;
import dev.fetch.save.ValidatorIndex;
import dev.fetch.time.Time;
import java.util.concurrent.CompletableFuture;

/**
 * The run's downloaders, each request given what the output directory's
 * {@link ValidatorIndex} recorded for its file (ETag, Last-Modified) before anything else sees
 * it: so in every mode, worker processes included (the request carries them over the wire),
 * {@code -N} can send {@code If-None-Match} and {@code --continue} {@code If-Range}. The index is
 * read once, by the parent, before the first request. Thread-safe: the index is read-only.
 */
final class RecordedValidators implements Downloaders {
  private final Downloaders downloaders;
  private final ValidatorIndex index;

  private RecordedValidators(Downloaders downloaders, ValidatorIndex index) {
    this.downloaders = downloaders;
    this.index = index;
  }

  /** {@code downloaders} with {@code index}'s validators on each request. */
  static Downloaders attach(Downloaders downloaders, ValidatorIndex index) {
    return new RecordedValidators(downloaders, index);
  }

  @Override
  public Downloader inProcess() {
    return withValidators(downloaders.inProcess());
  }

  @Override
  public Downloader acrossWorkers(Downloader workers) {
    return withValidators(downloaders.acrossWorkers(workers));
  }

  private Downloader withValidators(Downloader downloader) {
    return new Downloader() {
      @Override
      public DownloadResult download(DownloadRequest request) {
        return downloader.download(withRecorded(request));
      }

      @Override
      public CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
        return downloader.downloadAsync(withRecorded(request));
      }
    };
  }

  private DownloadRequest withRecorded(DownloadRequest request) {
    return request.path() == null ? request
        : request.withValidators(index.lookup(request.path()));
  }

  @Override
  public CookieStore cookies() {
    return downloaders.cookies();
  }

  @Override
  public Time time() {
    return downloaders.time();
  }

  @Override
  public Diagnostics diagnostics() {
    return downloaders.diagnostics();
  }

  @Override
  public TransferListener transfers() {
    return downloaders.transfers();
  }
}
