package dev.fetch.download;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The JVM's network system properties in effect for a run — proxies ({@code http.proxyHost},
 * {@code https.proxyHost}, {@code socksProxyHost}, {@code http.nonProxyHosts}, …), TLS trust and
 * keys ({@code javax.net.ssl.trustStore}, …), name resolution ({@code jdk.net.hosts.file}), IP
 * stack preferences — as a user passes them in {@code JAVA_OPTS}. Captured once in the parent and
 * applied in every worker JVM before it makes a connection, so {@code processes} mode sees the
 * network exactly as the in-process modes do.
 *
 * <p>Values may be secrets (key store passwords): {@link #toString} names the properties only,
 * and they travel to workers over a pipe, never a command line. Immutable.
 */
public final class NetworkProperties {
  /** Name prefixes of the properties that shape how the JDK connects. */
  static final List<String> PREFIXES = List.of("http.", "https.", "socksProxy",
      "socksNonProxyHosts", "java.net.", "javax.net.", "jdk.net.", "jdk.tls.", "sun.net.",
      "jdk.http.", "com.sun.net.ssl.");
  private static final NetworkProperties NONE = new NetworkProperties(Map.of());

  private final Map<String, String> values;

  private NetworkProperties(Map<String, String> values) {
    this.values = values;
  }

  /** The network properties of this JVM now. */
  public static NetworkProperties current() {
    return of(System.getProperties());
  }

  /** The network properties among {@code properties}. */
  public static NetworkProperties of(Properties properties) {
    Map<String, String> found = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (isNetwork(name)) {
        found.put(name, properties.getProperty(name));
      }
    }
    return of(found);
  }

  /**
   * Exactly {@code values}, e.g. as received from a parent.
   *
   * @throws IllegalArgumentException if a name is not a network property
   */
  public static NetworkProperties of(Map<String, String> values) {
    for (String name : values.keySet()) {
      if (!isNetwork(name)) {
        throw new IllegalArgumentException("not a network property: " + name);
      }
    }
    return values.isEmpty() ? NONE : new NetworkProperties(Map.copyOf(new TreeMap<>(values)));
  }

  /** None at all. */
  public static NetworkProperties none() {
    return NONE;
  }

  /** Whether {@code name} is a property this class carries. */
  public static boolean isNetwork(String name) {
    return PREFIXES.stream().anyMatch(name::startsWith);
  }

  /** Name to value, sorted by name. */
  public Map<String, String> values() {
    return new TreeMap<>(values);
  }

  /**
   * Sets each property in this JVM. For a worker, before it resolves a name or opens a
   * connection: some are read only once, when the JDK's networking starts.
   */
  public void apply() {
    values.forEach(System::setProperty);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NetworkProperties
        && ((NetworkProperties) other).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** The names only: values may be secrets. */
  @Override
  public String toString() {
    return "NetworkProperties" + new TreeMap<>(values).keySet();
  }
}
