package dev.fetch.http;

import dev.fetch.download.ProxySettings;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * The {@link ProxySelector} OkHttp asks for each connection: a host on the no-proxy list goes
 * direct; else the proxy {@link ProxySettings} names for the URL's scheme (none for
 * {@code ""}); else, when fetch chose nothing, the JVM's default selector, which reads
 * {@code -Dhttp.proxyHost} and its kin when asked. A proxy that cannot be reached fails the
 * URL; there is no silent fallback to a direct connection.
 *
 * <p>Equal to another selector for the same settings, so that OkHttp's connection pool, which
 * compares selectors, reuses connections across clients ({@code compare --reuse-connections}).
 * Immutable and thread-safe.
 */
final class SettingsProxySelector extends ProxySelector {
  private final ProxySettings settings;
  private final Proxy http;
  private final Proxy https;
  private final NoProxy noProxy;

  /** @throws IllegalArgumentException if {@code settings} holds a value that does not parse */
  SettingsProxySelector(ProxySettings settings) {
    this.settings = settings;
    this.http = proxy(settings.http());
    this.https = proxy(settings.https());
    this.noProxy = NoProxy.parse(settings.noProxy());
  }

  private static Proxy proxy(String url) {
    if (url == null) {
      return null;
    }
    return url.isEmpty() ? Proxy.NO_PROXY
        : new Proxy(Proxy.Type.HTTP, ProxyUrl.parse(url).address());
  }

  @Override
  public List<Proxy> select(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    String host = uri.getHost() == null ? "" : uri.getHost();
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equalsIgnoreCase("https") ? 443 : 80;
    if (noProxy.matches(host, port)) {
      return List.of(Proxy.NO_PROXY);
    }
    Proxy chosen = scheme.equalsIgnoreCase("https") ? https : http;
    if (chosen != null) {
      return List.of(chosen);
    }
    ProxySelector jvm = ProxySelector.getDefault();
    return jvm == null ? List.of(Proxy.NO_PROXY) : jvm.select(uri);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    ProxySelector jvm = ProxySelector.getDefault();
    if (jvm != null && http == null && https == null) {
      jvm.connectFailed(uri, address, failure);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SettingsProxySelector
        && ((SettingsProxySelector) other).settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  @Override
  public String toString() {
    return settings.toString();
  }
}
