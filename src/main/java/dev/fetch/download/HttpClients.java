package dev.fetch.download;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the one OkHttp client a run shares between all its workers. Redirects are followed up to
 * OkHttp's own bound of 20 hops; only http and https targets are followed.
 */
public final class HttpClients {
  private HttpClients() {}

  public static OkHttpClient create(HttpSettings settings) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(settings.concurrency());
    dispatcher.setMaxRequestsPerHost(settings.concurrency());
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(settings.concurrency(), 5, TimeUnit.MINUTES))
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.timeout())
        .writeTimeout(settings.timeout())
        .callTimeout(settings.timeout())
        .followRedirects(true)
        .followSslRedirects(true)
        .build();
  }

  /** Releases the client's threads and idle connections so the JVM can exit promptly. */
  public static void shutdown(OkHttpClient client) {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
