package dev.fetch.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The {@link TestSite}, serving also the URL lists a test puts on it: a path given to
 * {@link #put} answers that text (after {@code fails} answers of 503, for a list that needs a
 * retry); every other path is the test site's. Thread-safe.
 */
public final class ListSite extends Dispatcher {
  private final TestSite site = new TestSite();
  private final Map<String, String> lists = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

  /** Serves {@code text} at {@code path} (e.g. {@code /lists/a.txt}). */
  public ListSite put(String path, String text) {
    return put(path, text, 0);
  }

  /** Serves {@code text} at {@code path} after answering its first {@code fails} requests 503. */
  public ListSite put(String path, String text, int fails) {
    lists.put(path, text);
    failuresLeft.put(path, new AtomicInteger(fails));
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    String path = request.getUrl().encodedPath();
    String text = lists.get(path);
    if (text == null) {
      return site.dispatch(request);
    }
    if (failuresLeft.get(path).getAndDecrement() > 0) {
      return new MockResponse.Builder().code(503).body("try again").build();
    }
    return new MockResponse.Builder().addHeader("Content-Type", "text/plain").body(text).build();
  }
}
