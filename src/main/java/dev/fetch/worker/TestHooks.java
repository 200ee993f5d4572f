package dev.fetch.worker;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A way for tests to make a worker die mid-download, off unless the worker runs with
 * {@code -Ddev.fetch.worker.testHooks=true} (see {@link WorkerMain#TEST_HOOKS}).
 *
 * <p>When a response carries the header {@value #KILL_HEADER}, the worker halts at once with exit
 * code 137, as if killed with SIGKILL: after the headers, before the body, with no shutdown hook
 * and no result sent. The server decides which attempts die (the tests' site sends the header
 * the first time only, or every time), so a test can stage a worker killed once or a URL that
 * kills every worker.
 */
final class TestHooks implements Interceptor {
  static final String KILL_HEADER = "X-Fetch-Test-Kill-Worker";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.header(KILL_HEADER) != null) {
      System.err.println("fetch worker: test hook: halting on " + KILL_HEADER);
      Runtime.getRuntime().halt(137);
    }
    return response;
  }
}
