package dev.fetch.http;

import dev.fetch.download.ProxySettings;
import java.util.Map;

/**
 * Chooses the proxy of each scheme as curl does, once, before the first request:
 *
 * <ol>
 *   <li>{@code --proxy URL} for every URL, overriding the environment; {@code --proxy ''} for
 *       none at all (the JVM's proxy properties are not used either);
 *   <li>else the environment: {@code http_proxy} for {@code http://} URLs, {@code https_proxy}
 *       or {@code HTTPS_PROXY} for {@code https://}, then {@code all_proxy} or
 *       {@code ALL_PROXY} for either. The lower-case name wins; {@code HTTP_PROXY} in upper
 *       case is ignored, as curl ignores it, because CGI servers set it from a request's
 *       {@code Proxy:} header ("httpoxy"). An empty variable counts as unset;
 *   <li>else the JVM's properties ({@code -Dhttp.proxyHost}, {@code -Dhttps.proxyHost} in
 *       {@code JAVA_OPTS}), as before.
 * </ol>
 *
 * Hosts that never use a proxy, whichever chose it: {@code --noproxy LIST} if given ({@code ''}
 * for none, overriding the environment), else {@code no_proxy}, else {@code NO_PROXY} (see
 * {@link NoProxy}). Stateless.
 */
public final class ProxyEnvironment {
  private ProxyEnvironment() {}

  /**
   * The proxies for a run.
   *
   * @param proxyOption {@code --proxy}, or null when not given
   * @param noProxyOption {@code --noproxy}, or null when not given
   * @param env the environment variables
   * @throws IllegalArgumentException when a value is not valid, its message starting with the
   *     option or variable it came from ({@code "https_proxy: SOCKS proxies are not supported
   *     …"}) and never showing a password
   */
  public static ProxySettings resolve(String proxyOption, String noProxyOption,
      Map<String, String> env) {
    String http;
    String https;
    if (proxyOption != null) {
      http = https = checked("--proxy", proxyOption);
    } else {
      String all = first(env, "all_proxy", "ALL_PROXY");
      String httpName = first(env, "http_proxy");
      String httpsName = first(env, "https_proxy", "HTTPS_PROXY");
      http = checked(httpName != null ? httpName : all, env);
      https = checked(httpsName != null ? httpsName : all, env);
    }
    String noProxy;
    if (noProxyOption != null) {
      noProxy = checkedList("--noproxy", noProxyOption);
    } else {
      String name = first(env, "no_proxy", "NO_PROXY");
      noProxy = name == null ? "" : checkedList(name, env.get(name));
    }
    return new ProxySettings(http, https, noProxy);
  }

  /** The first of {@code names} set to something in {@code env}, or null. */
  private static String first(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        return name;
      }
    }
    return null;
  }

  private static String checked(String variable, Map<String, String> env) {
    return variable == null ? null : checked(variable, env.get(variable));
  }

  /** {@code value} once it parses: {@code ""} stays "no proxy". */
  private static String checked(String source, String value) {
    if (value.isEmpty()) {
      return value;
    }
    try {
      ProxyUrl.parse(value);
      return value;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static String checkedList(String source, String value) {
    try {
      NoProxy.parse(value);
      return value;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }
}
