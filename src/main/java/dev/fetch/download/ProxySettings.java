package dev.fetch.download;

import java.util.Objects;

/**
 * Which proxy each URL goes through, resolved once by the command line from {@code --proxy},
 * {@code --noproxy} and the environment ({@code http_proxy}, {@code https_proxy},
 * {@code all_proxy}, {@code no_proxy}), so worker processes use exactly the parent's choice.
 * Immutable; the values are validated by the command line, not here.
 *
 * <p>A proxy may carry credentials ({@code http://user:password@host:port}): {@link #toString}
 * never shows them, and they travel to workers over a pipe, never a command line.
 *
 * @param http the proxy for {@code http://} URLs: an {@code http://} URL; {@code ""} for none
 *     (direct); or null when fetch leaves the choice to the JVM's properties
 *     ({@code -Dhttp.proxyHost}, …)
 * @param https the same for {@code https://} URLs (reached through a CONNECT tunnel)
 * @param noProxy hosts that are always reached directly, in curl's {@code no_proxy} syntax; ""
 *     for none
 */
public record ProxySettings(String http, String https, String noProxy) {
  private static final ProxySettings JVM = new ProxySettings(null, null, "");

  public ProxySettings {
    Objects.requireNonNull(noProxy, "noProxy");
  }

  /** No choice made by fetch: the JVM's proxy properties decide, as they did before. */
  public static ProxySettings jvm() {
    return JVM;
  }

  /** Whether fetch chooses nothing and leaves every URL to the JVM's properties. */
  public boolean isJvm() {
    return equals(JVM);
  }

  /** Credentials replaced by {@code ***}. */
  @Override
  public String toString() {
    return "ProxySettings[http=" + shown(http) + ", https=" + shown(https) + ", noProxy="
        + noProxy + "]";
  }

  /** A proxy URL as it may be shown: {@code user:password@} replaced, JVM's choice named. */
  public static String shown(String proxy) {
    if (proxy == null) {
      return "(JVM properties)";
    }
    return proxy.isEmpty() ? "(none)" : Urls.redactRaw(proxy);
  }
}
