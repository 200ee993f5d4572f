package dev.fetch.http;

import dev.fetch.download.RateLimiter;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * An OkHttp network interceptor that holds every response body to the run's
 * {@link RateLimiter} ({@code --limit-rate}): bytes as they arrive on the wire (before gzip is
 * undone, as curl counts them), read at most {@link RateLimiter#chunk()} at a time, each read
 * followed by the limiter's wait. A cancelled call stops waiting within one
 * {@link RateLimiter#SLICE} and fails as cancelled; an interrupted one as interrupted. Added
 * only with a rate limit. Thread-safe.
 */
final class ThrottledBodies implements Interceptor {
  private final RateLimiter limiter;

  ThrottledBodies(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    Source throttled = new Throttled(body.source(), limiter, chain.call());
    return response.newBuilder().body(ResponseBody.create(Okio.buffer(throttled),
        body.contentType(), body.contentLength())).build();
  }

  /** A body source that waits for the limiter after each read. */
  private static final class Throttled extends ForwardingSource {
    private final RateLimiter limiter;
    private final Call call;

    Throttled(Source delegate, RateLimiter limiter, Call call) {
      super(delegate);
      this.limiter = limiter;
      this.call = call;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long read = super.read(sink, Math.min(byteCount, limiter.chunk()));
      if (read > 0) {
        try {
          if (!limiter.acquire(read, call::isCanceled)) {
            throw new IOException("Canceled");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while holding to --limit-rate");
        }
      }
      return read;
    }
  }
}
