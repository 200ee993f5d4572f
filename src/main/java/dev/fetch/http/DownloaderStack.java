package dev.fetch.http;

import dev.fetch.download.CookieStore;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Downloader;
import dev.fetch.download.Downloaders;
import dev.fetch.download.PerHostLimiter;
import dev.fetch.download.RateLimiter;
import dev.fetch.download.RetryPolicy;
import dev.fetch.download.RetryingDownloader;
import dev.fetch.log.Diagnostics;
import dev.fetch.save.BodySink;
import dev.fetch.time.Time;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The one place the downloader stack is built — OkHttp → per-host limit → retries — from a
 * run's {@link DownloadSettings}, for the parent's in-process modes, for the parent's side of the
 * worker processes ({@link #acrossWorkers}) and inside each worker ({@link #inWorker}). Across
 * workers the stack has the same shape, with the pool of worker JVMs in OkHttp's place: the
 * parent limits hosts and retries, so a URL waiting out its back-off holds no per-host place, and
 * the back-off runs on the run's injected {@link Time}.
 *
 * <p>The run's cookie store and rate limiter are made here too, once, from the settings: every
 * download of the run shares them (a worker process makes its own from the settings it
 * receives, its share of the rate included).
 *
 * <p>The HTTP client is built on first use, so a {@code processes} run never builds one in the
 * parent. {@link #cancelAll} aborts every download in progress and any started later, from any
 * thread; {@link #close} releases the client's threads and, unless the pool is shared, its
 * connections. Thread-safe.
 */
public final class DownloaderStack implements Downloaders, AutoCloseable {
  private final DownloadSettings settings;
  private final BodySink bodies;
  private final Time time;
  private final Diagnostics log;
  private final ConnectionPool sharedPool;
  private final Interceptor networkInterceptor;
  private final CookieStore cookies;
  private final RateLimiter limiter;
  /** Guarded by {@code this}. */
  private OkHttpClient client;
  /** Guarded by {@code this}. */
  private OkHttpDownloader http;
  private volatile boolean cancelled;

  /**
   * @param bodies where bodies go; not owned
   * @param sharedPool a connection pool to reuse across runs, or null for a fresh one
   * @param networkInterceptor an OkHttp network interceptor (a worker's test hooks), or null
   */
  public DownloaderStack(DownloadSettings settings, BodySink bodies, Time time, Diagnostics log,
      ConnectionPool sharedPool, Interceptor networkInterceptor) {
    this.settings = settings;
    this.bodies = bodies;
    this.time = time;
    this.log = log;
    this.sharedPool = sharedPool;
    this.networkInterceptor = networkInterceptor;
    this.cookies = settings.request().cookieEngine()
        ? CookieStore.of(settings.request().cookies(), time.wallClock()) : CookieStore.off();
    this.limiter = RateLimiter.of(settings.request().rateLimit(), time.ticker(), time.sleeper());
  }

  /** A stack with a fresh connection pool and no interceptor. */
  public DownloaderStack(DownloadSettings settings, BodySink bodies, Time time, Diagnostics log) {
    this(settings, bodies, time, log, null, null);
  }

  @Override
  public Downloader inProcess() {
    Downloader limited = perHost(http());
    return retrying(limited);
  }

  /**
   * The stack inside a worker process: one attempt per task. Its parent keeps the per-host limit
   * and the retries ({@link #acrossWorkers}).
   */
  public Downloader inWorker() {
    return http();
  }

  @Override
  public Downloader acrossWorkers(Downloader workers) {
    return retrying(perHost(workers));
  }

  /**
   * The run's cookies: loaded with {@code -b}, then those servers set, whichever downloader (or,
   * through {@link #acrossWorkers}, worker process) received them. Off without {@code -b} or
   * {@code -c}.
   */
  @Override
  public CookieStore cookies() {
    return cookies;
  }

  @Override
  public Time time() {
    return time;
  }

  @Override
  public Diagnostics diagnostics() {
    return log;
  }

  /** Cancels every download in progress and every one started from now on. Any thread. */
  public void cancelAll() {
    cancelled = true;
    OkHttpDownloader current;
    synchronized (this) {
      current = http;
    }
    if (current != null) {
      current.cancelAll();
    }
  }

  /** Releases the client's threads, and its connections unless the pool is shared. */
  @Override
  public synchronized void close() {
    if (client != null) {
      HttpClients.shutdown(client, sharedPool != null);
    }
  }

  private Downloader perHost(Downloader downloader) {
    return settings.perHost() > 0 ? new PerHostLimiter(downloader, settings.perHost())
        : downloader;
  }

  private Downloader retrying(Downloader downloader) {
    return new RetryingDownloader(downloader, RetryPolicy.standard(settings.retries()), time,
        log);
  }

  private synchronized OkHttpDownloader http() {
    if (http == null) {
      OkHttpClient built = sharedPool == null ? HttpClients.create(settings)
          : HttpClients.create(settings, sharedPool);
      if (networkInterceptor != null) {
        built = built.newBuilder().addNetworkInterceptor(networkInterceptor).build();
      }
      client = built;
      log.debug(() -> "connections: " + settings.proxy() + ", " + settings.tls() + ", "
          + settings.httpVersion());
      http = new OkHttpDownloader(built, bodies, settings, time, log, cookies, limiter);
      if (limiter.limited()) {
        log.debug(() -> "--limit-rate: these downloads share " + limiter.bytesPerSecond()
            + " bytes/s");
      }
      if (cancelled) {
        http.cancelAll();
      }
    }
    return http;
  }
}
