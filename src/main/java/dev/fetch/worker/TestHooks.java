package dev.fetch.worker;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A way for tests to make a worker die mid-download, off unless the worker runs with
 * {@code -Ddev.fetch.worker.testHooks=true} (see {@link WorkerMain#TEST_HOOKS}).
 *
 * <p>When a response carries the header {@value #KILL_HEADER}, the worker halts with exit code 137
 * (as if killed with SIGKILL: no shutdown hook, no result) on its first read of the body, when a
 * file being saved has been opened. The server decides which attempts die (the tests' site sends
 * the header the first time only, or every time), so a test can stage a worker killed once or a
 * URL that kills every worker.
 *
 * <p>When a response carries the header {@value #THROW_HEADER}, the worker's download throws an
 * {@link IllegalStateException} while handling the response, standing in for a bug: the URL
 * must end as a failure {@code internal error in worker: …}, and the worker must go on.
 */
public final class TestHooks implements Interceptor {
  public static final String KILL_HEADER = "X-Fetch-Test-Kill-Worker";
  public static final String THROW_HEADER = "X-Fetch-Test-Throw";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.header(THROW_HEADER) != null) {
      response.close();
      throw new IllegalStateException("test hook: thrown while handling the response");
    }
    if (response.header(KILL_HEADER) == null) {
      return response;
    }
    ResponseBody body = response.body();
    ForwardingSource halting = new ForwardingSource(body.source()) {
      @Override
      public long read(Buffer sink, long byteCount) {
        System.err.println("fetch worker: test hook: halting mid-body on " + KILL_HEADER);
        Runtime.getRuntime().halt(137);
        return -1;
      }
    };
    return response.newBuilder().body(ResponseBody.create(Okio.buffer(halting),
        body.contentType(), body.contentLength())).build();
  }
}
