package dev.fetch.download;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The whole truth of how the URLs of a run are downloaded, whichever mode runs them: built once
 * from the command line, passed unchanged to every strategy, and sent whole to worker JVMs
 * ({@code processes} mode), so no setting is copied by hand and none gets lost. Immutable; build
 * one with {@link #builder()} or change one with {@link #toBuilder()}.
 *
 * @param workers how many downloads run at once (1 for {@code sequential}); the HTTP client's
 *     dispatcher and connection pool are sized so they never cap it
 * @param connectTimeout the longest wait for a TCP (and TLS) connection; zero for no limit
 * @param timeout the longest one attempt may take, body included; zero for no limit
 * @param userAgent the {@code User-Agent} header sent with every request
 * @param perHost the most requests to one host at once across all workers, or 0 for no limit
 *     but {@code workers}
 * @param maxSize the most decoded body bytes one URL may have (failure {@code too_large}
 *     beyond), or 0 for no limit
 * @param retries retries after a retryable failure
 * @param outputDir where bodies are saved, or null to count and discard them
 * @param network the JVM network properties in effect (proxies, trust store, hosts file)
 * @param request how each request is made: headers, netrc, cookies, redirects, rate limit
 * @param proxy the proxy for each URL ({@code --proxy}, {@code --noproxy}, the environment);
 *     it takes precedence over the JVM's proxy properties in {@code network}
 * @param tls whom to trust over TLS ({@code --cacert}, {@code --ca-native}, {@code -k})
 * @param httpVersion the HTTP version to speak ({@code --http1.1}, {@code --http2})
 * @param save which files are kept and how bodies are saved ({@code --no-clobber},
 *     {@code -N}, {@code --continue}, {@code --create-dirs}, {@code --checksum-file})
 */
public record DownloadSettings(
    int workers, Duration connectTimeout, Duration timeout, String userAgent, int perHost,
    long maxSize, int retries, Path outputDir, NetworkProperties network,
    RequestSettings request, ProxySettings proxy, TlsSettings tls, HttpVersion httpVersion,
    SaveSettings save) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
  public static final int DEFAULT_RETRIES = 2;

  public DownloadSettings {
    if (workers < 1) {
      throw new IllegalArgumentException("workers < 1: " + workers);
    }
    if (perHost < 0 || maxSize < 0 || retries < 0) {
      throw new IllegalArgumentException("perHost, maxSize and retries must be >= 0");
    }
    if (connectTimeout.isNegative() || timeout.isNegative()) {
      throw new IllegalArgumentException("negative timeout");
    }
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(httpVersion, "httpVersion");
    Objects.requireNonNull(save, "save");
  }

  /** The defaults: one worker, fetch's timeouts and retries, no limits, no saving. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults with {@code workers} downloads at once: for tests and embedding. */
  public static DownloadSettings defaults(int workers) {
    return builder().workers(workers).build();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    return new Builder().workers(workers).connectTimeout(connectTimeout).timeout(timeout)
        .userAgent(userAgent).perHost(perHost).maxSize(maxSize).retries(retries)
        .outputDir(outputDir).network(network).request(request).proxy(proxy).tls(tls)
        .httpVersion(httpVersion).save(save);
  }

  /** These settings with another worker count, e.g. for one combination of a comparison. */
  public DownloadSettings withWorkers(int workers) {
    return toBuilder().workers(workers).build();
  }

  /** Builds {@link DownloadSettings}; not thread-safe. */
  public static final class Builder {
    private int workers = 1;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration timeout = DEFAULT_TIMEOUT;
    private String userAgent = "fetch";
    private int perHost;
    private long maxSize;
    private int retries = DEFAULT_RETRIES;
    private Path outputDir;
    private NetworkProperties network = NetworkProperties.none();
    private RequestSettings request = RequestSettings.defaults();
    private ProxySettings proxy = ProxySettings.jvm();
    private TlsSettings tls = TlsSettings.defaults();
    private HttpVersion httpVersion = HttpVersion.ANY;
    private SaveSettings save = SaveSettings.DEFAULT;

    private Builder() {}

    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public Builder perHost(int perHost) {
      this.perHost = perHost;
      return this;
    }

    public Builder maxSize(long maxSize) {
      this.maxSize = maxSize;
      return this;
    }

    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    public Builder outputDir(Path outputDir) {
      this.outputDir = outputDir;
      return this;
    }

    public Builder network(NetworkProperties network) {
      this.network = network;
      return this;
    }

    public Builder request(RequestSettings request) {
      this.request = request;
      return this;
    }

    public Builder proxy(ProxySettings proxy) {
      this.proxy = proxy;
      return this;
    }

    public Builder tls(TlsSettings tls) {
      this.tls = tls;
      return this;
    }

    public Builder httpVersion(HttpVersion httpVersion) {
      this.httpVersion = httpVersion;
      return this;
    }

    public Builder save(SaveSettings save) {
      this.save = save;
      return this;
    }

    /** @throws IllegalArgumentException if a value is out of range */
    public DownloadSettings build() {
      return new DownloadSettings(workers, connectTimeout, timeout, userAgent, perHost, maxSize,
          retries, outputDir, network, request, proxy, tls, httpVersion, save);
    }
  }
}
