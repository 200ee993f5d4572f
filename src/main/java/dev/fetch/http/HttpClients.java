package dev.fetch.http;

import dev.fetch.download.DownloadSettings;
import dev.fetch.download.WorkerNames;
import java.util.BitSet;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HostnameVerifier;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * Builds the one OkHttp client a run shares between all its workers. Redirects are followed up to
 * OkHttp's own bound of 20 hops; only http and https targets are followed. The connect timeout
 * covers the TLS handshake too ({@link HandshakeTimeoutSocketFactory}). The settings' proxies
 * ({@link SettingsProxySelector}, {@link ProxyCredentials}), trust ({@link TlsTrust}) and HTTP
 * version ({@link HttpVersions}) are applied here, the one place, for every mode.
 */
public final class HttpClients {
  /** How long an idle thread of the dispatcher waits for the next call before it ends. */
  private static final long DISPATCHER_KEEP_ALIVE_SECONDS = 60;

  private HttpClients() {}

  /**
   * The client for {@code settings}. Its dispatcher, which runs asynchronous calls, allows
   * {@code workers} calls at once and {@code perHost} to one host (or {@code workers}),
   * on at most {@code workers} threads named {@code async-1} to {@code async-workers}, started
   * only when no idle one can take the call ({@link IdleFirstExecutor}).
   */
  public static OkHttpClient create(DownloadSettings settings) {
    return create(settings, new ConnectionPool(settings.workers(), 5, TimeUnit.MINUTES));
  }

  /**
   * The client for {@code settings} over a given connection pool: runs that share a pool reuse
   * each other's connections ({@code fetch compare --reuse-connections}).
   */
  public static OkHttpClient create(DownloadSettings settings, ConnectionPool pool) {
    // At most `workers` threads: OkHttp's default pool grows past maxRequests (a finishing call
    // starts the next on a new thread before its own is free), so results named async-6, async-7
    // in a run of 5 workers. Idle threads first: only as many threads as calls in flight.
    Dispatcher dispatcher = new Dispatcher(IdleFirstExecutor.create(settings.workers(),
        DISPATCHER_KEEP_ALIVE_SECONDS, new AsyncThreads()));
    dispatcher.setMaxRequests(settings.workers());
    dispatcher.setMaxRequestsPerHost(settings.perHost() > 0
        ? Math.min(settings.perHost(), settings.workers()) : settings.workers());
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    tls(builder, settings);
    if (!settings.proxy().isJvm()) {
      builder.proxySelector(new SettingsProxySelector(settings.proxy()));
      if (ProxyCredentials.needed(settings.proxy())) {
        ProxyCredentials credentials = new ProxyCredentials(settings.proxy());
        builder.proxyAuthenticator(credentials).addNetworkInterceptor(credentials);
      }
    }
    return builder
        .protocols(HttpVersions.protocols(settings.httpVersion()))
        .dispatcher(dispatcher)
        .connectionPool(pool)
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.timeout())
        .writeTimeout(settings.timeout())
        .callTimeout(settings.timeout())
        .followRedirects(true)
        .followSslRedirects(true)
        .build();
  }

  /**
   * Trust and the handshake's bound: the same socket factory for equal settings. The TLS stack
   * and the CA store are set up on the first TLS connection ({@link DeferredTls}), so a run of
   * {@code http://} URLs never loads them.
   */
  private static void tls(OkHttpClient.Builder builder, DownloadSettings settings) {
    DeferredTls trust = DeferredTls.of(settings.tls());
    int handshakeMillis = HandshakeTimeoutSocketFactory.handshakeMillis(
        settings.connectTimeout(), settings.timeout());
    builder.sslSocketFactory(handshakeMillis > 0
        ? new HandshakeTimeoutSocketFactory(trust.socketFactory(), handshakeMillis)
        : trust.socketFactory(), trust.trustManager());
    if (handshakeMillis > 0) {
      builder.socketFactory(HandshakeDeadlineSocket.factory());
    }
    HostnameVerifier verifier = TlsTrust.hostnameVerifier(settings.tls());
    if (verifier != null) {
      builder.hostnameVerifier(verifier);
    }
  }

  /**
   * The client for plain {@code http://} URLs of a run whose HTTPS client is {@code client}:
   * the same one, or with {@code --http2} one that uses HTTP/2 with prior knowledge.
   */
  public static OkHttpClient cleartext(OkHttpClient client, DownloadSettings settings) {
    return HttpVersions.cleartext(client, settings.httpVersion());
  }

  /** The name results give a response's protocol: {@code "http/1.1"}, {@code "h2"}, … */
  public static String protocolName(Protocol protocol) {
    return HttpVersions.name(protocol);
  }

  /**
   * Names the dispatcher's threads, for results and logs, in a way OkHttp's renaming keeps: the
   * lowest number no live thread has, so a thread that replaces one ended after idling takes its
   * name and names stay within the run's workers.
   */
  private static final class AsyncThreads implements ThreadFactory {
    /** Numbers (from 0) of the live threads; guarded by itself. */
    private final BitSet taken = new BitSet();

    @Override
    public Thread newThread(Runnable task) {
      int number;
      synchronized (taken) {
        number = taken.nextClearBit(0);
        taken.set(number);
      }
      String name = "async-" + (number + 1);
      Thread thread = new Thread(() -> {
        try {
          WorkerNames.set(name);
          task.run();
        } finally {
          synchronized (taken) {
            taken.clear(number);
          }
        }
      }, name);
      thread.setDaemon(true);
      return thread;
    }
  }

  /**
   * Releases the client's threads, and its idle connections unless {@code keepConnections}, so
   * the JVM can exit promptly.
   */
  public static void shutdown(OkHttpClient client, boolean keepConnections) {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    if (!keepConnections) {
      client.connectionPool().evictAll();
    }
  }
}
