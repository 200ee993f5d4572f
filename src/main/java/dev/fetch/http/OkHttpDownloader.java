package dev.fetch.http;

import dev.fetch.download.CookieStore;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.Downloader;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.RateLimiter;
import dev.fetch.download.RetryAfter;
import dev.fetch.download.Urls;
import dev.fetch.download.WorkerNames;
import dev.fetch.download.Outcome;
import dev.fetch.download.Validators;
import dev.fetch.save.BodySink;
import dev.fetch.save.BodyStart;
import dev.fetch.save.DiscardingSink;
import dev.fetch.save.StorageException;
import dev.fetch.download.DownloadSettings;
import dev.fetch.log.Diagnostics;
import dev.fetch.time.Ticker;
import dev.fetch.time.Time;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import okio.Okio;

/**
 * The real {@link Downloader}: one OkHttp call per attempt, body streamed into a
 * {@link BodySink}; blocking ({@link #download}, {@code Call.execute}) or with a callback
 * ({@link #downloadAsync}, {@code Call.enqueue}, the body read on OkHttp's dispatcher thread).
 *
 * <p>A status of 400 or more, a redirect that was not followed, or another 3xx (such as
 * {@code 304 Not Modified} to a request that was not conditional) is a failure of kind
 * {@code http}; its body is read and counted but never stored.
 *
 * <p>With {@code -N} a file that exists is asked for with {@code If-Modified-Since} (its time)
 * and {@code If-None-Match} (its recorded ETag); a {@code 304} keeps it, a success of outcome
 * {@code not_modified}. With {@code --continue} a kept partial of N bytes (else a file already
 * there, as {@code wget -c} does) is asked for from byte N with {@code Range} and
 * {@code If-Range} (its recorded ETag, else its Last-Modified, else none, as curl and wget do),
 * and {@code Accept-Encoding: identity} (a range of a gzip encoding is meaningless): a
 * {@code 206} from byte N is appended; a {@code 200} starts the file again; a {@code 206} from
 * elsewhere, or a {@code 416} for a body of another length, drops the partial and asks again for
 * the whole body; a {@code 416} for a body of exactly N bytes means the file is complete
 * ({@code not_modified}). A result's {@code bytes} counts what this attempt transferred, its
 * {@code fileBytes} what the file holds; {@code --max-size} limits the whole file. A response that breaks HTTP's rules is a failure of kind {@code protocol}, never
 * a success: what OkHttp rejects itself, and what {@link ResponseChecks} rejects for it (every
 * response, redirects included, passes through those checks). Text from the server appears in
 * messages with its control characters escaped. Each request is built by {@link RequestFactory}
 * (headers, Basic authentication from the URL or netrc, cookies), redirects are followed by
 * {@link RedirectFollower} (at most {@code --max-redirects}; credentials never leave the first
 * origin; a redirect beyond the limit is a failure of kind {@code http}, "too many redirects"),
 * bodies are held to {@code --limit-rate} ({@link ThrottledBodies}) and, with {@code -v}, every
 * request and response head is shown with credentials redacted ({@link HeaderLog}). Credentials
 * never appear in a result. A result's time runs from when the call actually starts, not from when it was
 * queued. Thread-safe; the client and sink are shared, not owned.
 *
 * <p>{@link #cancelAll()} aborts every download in progress, body included (OkHttp's own
 * {@code Dispatcher.cancelAll()} forgets a synchronous call once its headers have arrived).
 */
public final class OkHttpDownloader implements Downloader {
  private final OkHttpClient client;
  /** The client for plain http:// URLs: {@link #client}, or h2c with {@code --http2}. */
  private final OkHttpClient cleartext;
  private final BodySink sink;
  private final Ticker ticker;
  private final Clock wallClock;
  private final Diagnostics log;
  private final RequestFactory requests;
  private final long maxSize;
  private final int maxRedirects;
  /** {@code --continue}: kept partial bodies are continued with {@code Range}. */
  private final boolean resume;
  /** {@code -N}: a file that exists is asked for conditionally. */
  private final boolean timestamping;
  private final Set<Call> active = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  /**
   * A downloader with its own cookie store (from {@code settings}' loaded cookies, when the
   * cookie engine is on) and its own rate limiter: for tests and embedding.
   *
   * @see #OkHttpDownloader(OkHttpClient, BodySink, DownloadSettings, Time, Diagnostics,
   *     CookieStore, RateLimiter)
   */
  public OkHttpDownloader(OkHttpClient client, BodySink sink, DownloadSettings settings,
      Time time, Diagnostics log) {
    this(client, sink, settings, time, log, settings.request().cookieEngine()
        ? CookieStore.of(settings.request().cookies(), time.wallClock()) : CookieStore.off(),
        RateLimiter.of(settings.request().rateLimit(), time.ticker(), time.sleeper()));
  }

  /**
   * @param client the run's client (see {@link HttpClients}); shared, not owned. Its own
   *     following of redirects is turned off: {@link RedirectFollower} follows them
   * @param sink where bodies go; shared, not owned
   * @param settings the user agent, the request settings (headers, credentials, cookies,
   *     redirects) and {@code maxSize}, the most decoded body bytes a URL may have
   *     ({@code too_large} beyond), or 0 for no limit: a {@code Content-Length} over it fails
   *     before the body is read, and a body that grows past it (a gzip bomb) fails as soon as it
   *     does
   * @param cookies the run's cookies, sent and stored by every download; shared, not owned
   * @param limiter the run's rate limit, shared by every download's body
   */
  public OkHttpDownloader(OkHttpClient client, BodySink sink, DownloadSettings settings,
      Time time, Diagnostics log, CookieStore cookies, RateLimiter limiter) {
    this.maxSize = settings.maxSize();
    this.maxRedirects = settings.request().maxRedirects();
    this.resume = settings.save().resume();
    this.timestamping = settings.save().timestamping();
    OkHttpClient.Builder builder = client.newBuilder().followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(chain -> {
          Attempt attempt = chain.request().tag(Attempt.class);
          if (attempt != null) {
            attempt.started();
          }
          return chain.proceed(chain.request());
        })
        .addInterceptor(new RedirectFollower(maxRedirects, cookies, time.wallClock(), log));
    if (!settings.request().headers().removed().isEmpty()) {
      builder.addNetworkInterceptor(new HeaderRemover(settings.request().headers().removed()));
    }
    builder.addNetworkInterceptor(new ResponseChecks());
    if (limiter.limited()) {
      builder.addNetworkInterceptor(new ThrottledBodies(limiter));
    }
    if (log.verbose()) {
      builder.addNetworkInterceptor(new HeaderLog(log));
    }
    this.client = builder.eventListenerFactory(call -> HANDSHAKES).build();
    this.requests = new RequestFactory(settings);
    this.cleartext = HttpClients.cleartext(this.client, settings);
    this.sink = sink;
    this.ticker = time.ticker();
    this.wallClock = time.wallClock();
    this.log = log;
  }

  @Override
  public DownloadResult download(DownloadRequest request) {
    Attempt attempt = new Attempt(request);
    while (true) {
      DownloadResult.Failure unready = attempt.prepare();
      if (unready != null) {
        return unready;
      }
      Call call = newCall(attempt);
      try {
        Response response;
        try {
          response = call.execute();
        } catch (IOException e) {
          return attempt.failed(null, 0, e, false);
        }
        DownloadResult result = read(response, attempt);
        if (result != null) {
          return result;
        }
      } finally {
        active.remove(call);
      }
    }
  }

  @Override
  public CompletableFuture<DownloadResult> downloadAsync(DownloadRequest request) {
    Attempt attempt = new Attempt(request);
    CompletableFuture<DownloadResult> result = new CompletableFuture<>();
    enqueue(attempt, result);
    return result;
  }

  /** Sends {@code attempt}'s request, and again without a range when it must restart. */
  private void enqueue(Attempt attempt, CompletableFuture<DownloadResult> result) {
    DownloadResult.Failure unready = attempt.prepare();
    if (unready != null) {
      result.complete(unready);
      return;
    }
    Call call = newCall(attempt);
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call failed, IOException e) {
        active.remove(call);
        result.complete(attempt.failed(null, 0, e, false));
      }

      @Override
      public void onResponse(Call done, Response response) {
        try {
          DownloadResult read = read(response, attempt);
          active.remove(call);
          if (read == null) {
            enqueue(attempt, result);
          } else {
            result.complete(read);
          }
        } catch (RuntimeException | Error e) {
          active.remove(call);
          result.completeExceptionally(e);
        }
      }
    });
  }

  /**
   * Cancels every download in progress and every one started from now on: they end as failures
   * at once. For stopping a run; safe from any thread.
   */
  public void cancelAll() {
    cancelled = true;
    for (Call call : active) {
      call.cancel();
    }
  }

  private Call newCall(Attempt attempt) {
    Request.Builder builder = requests.first(attempt.request.url());
    attempt.addConditions(builder);
    Request request = builder.tag(Attempt.class, attempt).build();
    Call call = (request.isHttps() ? client : cleartext).newCall(request);
    active.add(call);
    if (cancelled) {
      call.cancel();
    }
    log.debug(() -> "GET " + attempt.request.displayUrl());
    return call;
  }

  /**
   * Reads the response to its end and says how it went; null when the attempt must start again
   * from the body's first byte (a kept partial the server will not continue).
   */
  private DownloadResult read(Response response, Attempt attempt) {
    DownloadRequest request = attempt.request;
    try (response) {
      int status = response.code();
      attempt.protocol = HttpClients.protocolName(response.protocol());
      log.debug(() -> request.displayUrl() + ": " + attempt.protocol + " " + status);
      Conditions asked = attempt.conditions;
      if (asked.conditional() && status == 304) {
        countQuietly(response.body().source());
        return attempt.kept(status, asked.local().size());
      }
      long offset = 0;
      if (asked.rangeFrom() > 0 && status == 416) {
        countQuietly(response.body().source());
        return attempt.rangeRefused(response);
      }
      if (asked.rangeFrom() > 0 && status == 206) {
        long first = ContentRange.first(response.header("Content-Range"));
        if (first != asked.rangeFrom()) {
          log.debug(() -> request.displayUrl() + ": 206 from byte " + first + ", not "
              + asked.rangeFrom() + "; starting again");
          return attempt.restart();
        }
        offset = first;
      }
      if (maxSize > 0 && offset >= maxSize) {
        return attempt.failed(status, 0, new TooLargeException(maxSize), true);
      }
      long limit = maxSize > 0 ? maxSize - offset : 0;
      CountingSource counted = new CountingSource(response.body().source(), limit);
      BufferedSource body = Okio.buffer(counted);
      if (status >= 300) {
        return attempt.rejected(response, countQuietly(body));
      }
      long declared = response.body().contentLength();
      if (maxSize > 0 && declared > limit) {
        return attempt.failed(status, 0, new TooLargeException(maxSize), true);
      }
      long bytes;
      try {
        bytes = sink.drain(request, body, new BodyStart(declared, offset,
            new Validators(response.header("ETag"), response.header("Last-Modified"))));
      } catch (IOException e) {
        return attempt.failed(status, counted.count(), chunkProblem(response, e), true);
      }
      DownloadResult.Success downloaded = new DownloadResult.Success(request.index(),
          request.displayUrl(), status, bytes, attempt.elapsed(), 1, WorkerNames.current(),
          attempt.protocol);
      String path = sink.savedPath(request);
      DownloadResult.Success success = path == null ? downloaded
          : downloaded.savedAs(path, offset + bytes);
      log.debug(() -> success.url() + ": " + status + " with " + bytes + " bytes in "
          + success.elapsed().toMillis() + " ms");
      return success;
    }
  }

  /**
   * {@code e}, said to be about the chunked encoding when it is a protocol error in a chunked
   * body (OkHttp's own message quotes the bad chunk size but does not say it is one).
   */
  private static IOException chunkProblem(Response response, IOException e) {
    boolean chunked = "chunked".equalsIgnoreCase(response.header("Transfer-Encoding"));
    if (chunked && FailureClassifier.kind(e, true) == ErrorKind.PROTOCOL) {
      return new ProtocolViolation("bad chunk in a chunked body: " + e.getMessage());
    }
    return e;
  }

  private static long countQuietly(okio.Source body) {
    try {
      return DiscardingSink.count(Okio.buffer(body));
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Tells each attempt when its TLS handshake is under way, so that a timeout in it is told as
   * one (the JDK's own message is a bare "Read timed out"). Stateless; OkHttp calls it on the
   * thread that connects.
   */
  private static final EventListener HANDSHAKES = new EventListener() {
    @Override
    public void secureConnectStart(Call call) {
      handshaking(call, true);
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
      handshaking(call, false);
    }

    private void handshaking(Call call, boolean now) {
      Attempt attempt = call.request().tag(Attempt.class);
      if (attempt != null) {
        attempt.inHandshake = now;
      }
    }
  };

  /** The facts of one attempt in progress, to build its result. */
  private final class Attempt {
    final DownloadRequest request;
    private volatile long start;
    /** A TLS handshake has started and not finished; written by {@link #HANDSHAKES}. */
    volatile boolean inHandshake;
    /** The protocol of the response, once it has arrived ({@code "h2"}), else null. */
    volatile String protocol;

    Attempt(DownloadRequest request) {
      this.request = request;
      this.start = ticker.read();
    }

    /** What this attempt's request asks for; set by {@link #prepare} before it is sent. */
    volatile Conditions conditions = Conditions.NONE;
    /** The kept partial was dropped: ask for the whole body, unconditionally. */
    volatile boolean restarted;

    /**
     * Looks at what is on disk and decides what to ask for ({@link Conditions#decide}). Null
     * when ready, else the failure to report.
     */
    DownloadResult.Failure prepare() {
      if (!resume && !timestamping) {
        return null;
      }
      try {
        conditions = Conditions.decide(sink.local(request), resume, timestamping, restarted);
      } catch (IOException e) {
        return failed(null, 0, new StorageException("cannot look at the output directory: "
            + e.getMessage(), e), false);
      }
      return null;
    }

    /** Adds what {@link #prepare} decided to the request. */
    void addConditions(Request.Builder builder) {
      conditions.addTo(builder, sink.resumeValidators(request), request.validators());
    }

    /** Drops the kept partial so the next request asks for the whole body; null to restart. */
    DownloadResult restart() {
      try {
        sink.discardPartial(request);
      } catch (IOException e) {
        return failed(null, 0, e, false);
      }
      restarted = true;
      return null;
    }

    /**
     * A 416 to a range request: complete when the body is exactly as long as the partial (else
     * the file) already is, otherwise the body changed and the download starts again.
     */
    DownloadResult rangeRefused(Response response) {
      long length = ContentRange.completeLength(response.header("Content-Range"));
      long kept = conditions.rangeFrom();
      if (length != kept) {
        log.debug(() -> request.displayUrl() + ": 416 for a body of " + length + " bytes, "
            + kept + " kept; starting again");
        return conditions.local().hasPartial() ? restart() : restartKeepingFile();
      }
      long size;
      try {
        size = sink.finishPartial(request);
      } catch (IOException e) {
        return failed(response.code(), 0, e, true);
      }
      return kept(response.code(), size);
    }

    private DownloadResult restartKeepingFile() {
      restarted = true;
      return null;
    }

    /** The file is up to date ({@code 304}, or {@code 416} for a complete one): no body. */
    DownloadResult.Success kept(int status, long fileBytes) {
      DownloadResult.Success success = new DownloadResult.Success(request.index(),
          request.displayUrl(), status, 0, elapsed(), 1, WorkerNames.current(), protocol,
          Outcome.NOT_MODIFIED, sink.savedPath(request), fileBytes);
      log.debug(() -> success.url() + ": " + status + ", up to date");
      return success;
    }

    /** The call has left the queue and is running: its time starts now. */
    void started() {
      start = ticker.read();
    }

    Duration elapsed() {
      return Duration.ofNanos(ticker.read() - start);
    }

    DownloadResult.Failure failed(Integer status, long bytes, IOException e, boolean duringBody) {
      ErrorKind kind = FailureClassifier.kind(e, duringBody);
      String message = FailureClassifier.message(e, kind);
      if (kind == ErrorKind.TIMEOUT && inHandshake) {
        message = message.replaceFirst("^timed out: ", "timed out in the TLS handshake: ");
      }
      DownloadResult.Failure failure = new DownloadResult.Failure(request.index(),
          request.displayUrl(), status, bytes, elapsed(), 1, WorkerNames.current(), kind,
          message, null, protocol);
      log.debug(() -> failure.url() + ": failed after " + bytes + " bytes: "
          + failure.message());
      return failure;
    }

    DownloadResult.Failure rejected(Response response, long bytes) {
      int status = response.code();
      String message = "HTTP " + status
          + SafeText.of(reasonPhrase(response), ProtocolViolation.MAX_LENGTH)
          + redirectProblem(response);
      log.debug(() -> request.displayUrl() + ": " + message);
      return new DownloadResult.Failure(request.index(), request.displayUrl(), status, bytes,
          elapsed(), 1, WorkerNames.current(), ErrorKind.HTTP, message,
          RetryAfter.parse(response.header("Retry-After"), wallClock.instant()), protocol);
    }
  }

  private static String reasonPhrase(Response response) {
    return response.message().isEmpty() ? "" : " " + response.message();
  }

  /**
   * Why a redirect response ended the download: beyond {@code --max-redirects} when it could have
   * been followed, else not followable; empty for any other status.
   */
  private String redirectProblem(Response response) {
    if (!RedirectFollower.isRedirect(response.code())) {
      return "";
    }
    HttpUrl next = RedirectFollower.target(response);
    if (next != null) {
      return ": too many redirects (" + maxRedirects + ") (to "
          + SafeText.of(Urls.redact(next), ProtocolViolation.MAX_LENGTH) + ")";
    }
    return ": redirect not followed" + location(response);
  }

  private static String location(Response response) {
    String location = response.header("Location");
    return location == null ? " (no Location header)"
        : " (to " + SafeText.of(Urls.redactRaw(location), ProtocolViolation.MAX_LENGTH) + ")";
  }
}
