package dev.fetch.testing;

import dev.fetch.worker.TestHooks;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * A MockWebServer dispatcher that serves a small deterministic site, so tests name what they want
 * in the URL:
 *
 * <ul>
 *   <li>{@code /bytes/N} — 200 with N bytes; {@code /gzip/N} the same, gzip-encoded
 *   <li>{@code /status/C} — status C with a short body; {@code ?retry-after=S} adds the header
 *   <li>{@code /flaky/ID?fails=K&status=C} — status C for the first K requests of ID, then 200
 *   <li>{@code /drop/N} — promises N bytes, sends some, then cuts the connection
 *   <li>{@code /trickle/N} — N bytes, 100 every 50 ms: never idle, but slow
 *   <li>{@code /stall} — sends headers, never the body
 *   <li>{@code /redirect/K} — K redirects, then {@code /bytes/10}
 *   <li>{@code /redirect-to?url=U} — a 302 to U (another server, say)
 *   <li>{@code /set-cookie/NAME=VALUE} — 200 with {@code Set-Cookie: NAME=VALUE; Path=/}, the
 *       cookie's attributes taken from {@code ?attrs=} (e.g. {@code Max-Age=0}); with
 *       {@code ?then=PATH}, a 302 to PATH that sets it
 *   <li>{@code /kill-once/ID} — 100 bytes, but the first response for ID carries the header
 *       that makes a worker process with test hooks halt mid-download ({@link TestHooks})
 *   <li>{@code /kill-always} — that header every time: kills every worker that tries it
 *   <li>{@code /retry-after-date-far} — 503 with {@code Retry-After} an HTTP date in the year 9999
 *   <li>{@code /throw} — 100 bytes with the header that makes a worker process with test hooks
 *       throw while handling the response ({@link TestHooks#THROW_HEADER})
 *   <li>anything else — 200 with the path as the body
 * </ul>
 *
 * <p>Thread-safe: MockWebServer calls it from one thread per connection.
 */
public final class TestSite extends Dispatcher {
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String[] parts = url.encodedPath().split("/");
    String route = parts.length > 1 ? parts[1] : "";
    String arg = parts.length > 2 ? parts[2] : "";
    switch (route) {
      case "bytes":
        return ok(body(Integer.parseInt(arg)));
      case "gzip":
        return new MockResponse.Builder().addHeader("Content-Encoding", "gzip")
            .body(Gzip.compress(body(Integer.parseInt(arg)))).build();
      case "status":
        return status(Integer.parseInt(arg), url.queryParameter("retry-after"));
      case "flaky":
        int fails = Integer.parseInt(url.queryParameter("fails"));
        int count = hits.computeIfAbsent(arg, k -> new AtomicInteger()).incrementAndGet();
        if (count <= fails) {
          return status(Integer.parseInt(url.queryParameter("status")),
              url.queryParameter("retry-after"));
        }
        return ok(body(100));
      case "drop":
        return new MockResponse.Builder().body(body(Integer.parseInt(arg)))
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
      case "trickle":
        return new MockResponse.Builder().body(body(Integer.parseInt(arg)))
            .throttleBody(100, 50, java.util.concurrent.TimeUnit.MILLISECONDS).build();
      case "stall":
        return new MockResponse.Builder().body(body(10))
            .onResponseBody(SocketEffect.Stall.INSTANCE).build();
      case "kill-once":
        MockResponse.Builder once = new MockResponse.Builder().body(body(100));
        if (hits.computeIfAbsent(arg, k -> new AtomicInteger()).incrementAndGet() == 1) {
          once.addHeader(TestHooks.KILL_HEADER, "1");
        }
        return once.build();
      case "kill-always":
        return new MockResponse.Builder().body(body(100)).addHeader(TestHooks.KILL_HEADER, "1")
            .build();
      case "retry-after-date-far":
        return status(503, "Fri, 01 Jan 9999 00:00:00 GMT");
      case "throw":
        return new MockResponse.Builder().body(body(100)).addHeader(TestHooks.THROW_HEADER, "1")
            .build();
      case "redirect":
        int left = Integer.parseInt(arg);
        String next = left <= 1 ? "/bytes/10" : "/redirect/" + (left - 1);
        return new MockResponse.Builder().code(302).addHeader("Location", next).build();
      case "redirect-to":
        return new MockResponse.Builder().code(302)
            .addHeader("Location", url.queryParameter("url")).build();
      case "set-cookie":
        String attrs = url.queryParameter("attrs");
        String then = url.queryParameter("then");
        MockResponse.Builder setting = new MockResponse.Builder()
            .addHeader("Set-Cookie", url.pathSegments().get(1) + "; Path=/"
                + (attrs == null ? "" : "; " + attrs));
        return then == null ? setting.body("set").build()
            : setting.code(302).addHeader("Location", then).build();
      default:
        return ok(new Buffer().writeUtf8(url.encodedPath()));
    }
  }

  /** How many requests {@code /flaky/ID} has had. */
  public int hits(String id) {
    AtomicInteger count = hits.get(id);
    return count == null ? 0 : count.get();
  }

  /** N deterministic bytes: the alphabet repeated. */
  public static Buffer body(int size) {
    Buffer buffer = new Buffer();
    for (int i = 0; i < size; i++) {
      buffer.writeByte('a' + i % 26);
    }
    return buffer;
  }

  private static MockResponse ok(Buffer body) {
    return new MockResponse.Builder().body(body).build();
  }

  private static MockResponse status(int code, String retryAfter) {
    MockResponse.Builder response = new MockResponse.Builder().code(code).body("status " + code);
    if (retryAfter != null) {
      response.addHeader("Retry-After", retryAfter);
    }
    return response.build();
  }
}
