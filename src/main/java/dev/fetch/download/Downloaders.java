package dev.fetch.download;

import dev.fetch.log.Diagnostics;
import dev.fetch.time.Time;

/**
 * Where a strategy gets its downloader: the run's one downloader stack, built in one place from
 * the run's {@link DownloadSettings} (see {@code dev.fetch.http.DownloaderStack}), with the time
 * and diagnostics it was built with. Thread-safe.
 */
public interface Downloaders {
  /** The whole stack in this process: the HTTP client, the per-host limit, retries. */
  Downloader inProcess();

  /**
   * The parent's part of the stack over {@code workers}, a downloader that hands each attempt to
   * a worker process: the per-host limit, kept here so it holds across every worker, and the
   * retries, so a URL waiting out its back-off holds no per-host place.
   */
  Downloader acrossWorkers(Downloader workers);

  /**
   * The run's cookies ({@code -b}, {@code -c}), shared by every download: a strategy that runs
   * downloads elsewhere (worker processes) keeps them in step with it. Off when the run has no
   * cookie engine.
   */
  CookieStore cookies();

  /** The run's time, for strategies that measure or wait. */
  Time time();

  /** The run's diagnostics, for strategies with something to say (worker processes' stderr). */
  Diagnostics diagnostics();

  /** A fixed downloader, for tests of strategies: no limit, no retries added. */
  static Downloaders of(Downloader downloader) {
    return new Downloaders() {
      @Override
      public Downloader inProcess() {
        return downloader;
      }

      @Override
      public Downloader acrossWorkers(Downloader workers) {
        return workers;
      }

      @Override
      public CookieStore cookies() {
        return CookieStore.off();
      }

      @Override
      public Time time() {
        return Time.system();
      }

      @Override
      public Diagnostics diagnostics() {
        return Diagnostics.none();
      }
    };
  }
}
