package dev.fetch.http;

import dev.fetch.log.Diagnostics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The hosts that never go through a proxy, in curl's {@code no_proxy} syntax: entries separated
 * by commas and/or blanks, each one of
 *
 * <ul>
 *   <li>{@code *}: every host;
 *   <li>a domain, with or without a leading dot: {@code example.com} and {@code .example.com}
 *       both match {@code example.com} and {@code www.example.com}, never
 *       {@code notexample.com}; case and a trailing dot do not matter;
 *   <li>an IP address ({@code 192.168.0.1}, {@code ::1} or {@code [::1]}) or a CIDR range
 *       ({@code 10.0.0.0/8}, {@code fd00::/8}), which match URLs whose host is that literal
 *       address: names are never resolved to compare them, as in curl;
 *   <li>any of those with {@code :PORT} ({@code example.com:8080}, {@code [::1]:8080}): only
 *       URLs to that port (a URL without a port has its scheme's, 80 or 443). curl ignores
 *       ports here; this is the one extension.
 * </ul>
 *
 * Immutable and thread-safe.
 */
final class NoProxy {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  private static final NoProxy NONE = new NoProxy(List.of());

  private final List<Entry> entries;

  private NoProxy(List<Entry> entries) {
    this.entries = entries;
  }

  /** No host at all. */
  static NoProxy none() {
    return NONE;
  }

  /**
   * Parses a list.
   *
   * @throws IllegalArgumentException naming the first entry that is not valid (a CIDR range
   *     whose address or prefix length is wrong, a port outside 1–65535, a control character)
   */
  static NoProxy parse(String list) {
    List<Entry> entries = new ArrayList<>();
    for (String token : list.split("[,\\s]+")) {
      if (!token.isEmpty()) {
        entries.add(Entry.parse(token));
      }
    }
    return entries.isEmpty() ? NONE : new NoProxy(List.copyOf(entries));
  }

  /**
   * Whether a URL to {@code host} (as {@code HttpUrl.host()} gives it: lower case, an IPv6
   * address without brackets) on {@code port} is reached directly.
   */
  boolean matches(String host, int port) {
    String name = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    byte[] address = literal(name);
    for (Entry entry : entries) {
      if (entry.matches(name, address, port)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The bytes of an IPv4 or IPv6 literal, or null for anything else. Never resolves a name: a
   * text reaches {@link InetAddress#getByName} only once it is known to be a literal.
   */
  static byte[] literal(String host) {
    String bare = host.indexOf('%') >= 0 ? host.substring(0, host.indexOf('%')) : host;
    if (IPV4.matcher(bare).matches()) {
      String[] octets = bare.split("\\.");
      byte[] address = new byte[4];
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(octets[i]);
        if (octet > 255) {
          return null;
        }
        address[i] = (byte) octet;
      }
      return address;
    }
    if (!IPV6.matcher(bare).matches() || HttpUrl.parse("http://[" + bare + "]/") == null) {
      return null;
    }
    try {
      return InetAddress.getByName(bare).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** One entry of the list; {@code port} 0 for any port. */
  private static final class Entry {
    final String name;
    final byte[] network;
    final int bits;
    final int port;

    private Entry(String name, byte[] network, int bits, int port) {
      this.name = name;
      this.network = network;
      this.bits = bits;
      this.port = port;
    }

    static Entry parse(String token) {
      for (int i = 0; i < token.length(); i++) {
        if (Diagnostics.isControl(token.charAt(i))) {
          throw new IllegalArgumentException("entry '" + ProxyUrl.shown(token)
              + "' contains a control character");
        }
      }
      String host = token;
      int port = 0;
      int colon = token.lastIndexOf(':');
      boolean bracketed = token.startsWith("[");
      if (colon > 0 && (bracketed ? colon > token.indexOf(']') : colon == token.indexOf(':'))) {
        host = token.substring(0, colon);
        port = port(token, token.substring(colon + 1));
      }
      if (bracketed && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int slash = host.indexOf('/');
      if (slash >= 0) {
        byte[] network = literal(host.substring(0, slash));
        String prefix = host.substring(slash + 1);
        int max = network == null ? 0 : network.length * 8;
        if (network == null || !prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > max) {
          throw new IllegalArgumentException("entry '" + ProxyUrl.shown(token)
              + "' is not a CIDR range "
              + "(ADDRESS/BITS, e.g. 10.0.0.0/8 or fd00::/8)");
        }
        return new Entry(null, network, Integer.parseInt(prefix), port);
      }
      byte[] address = literal(host);
      if (address != null) {
        return new Entry(null, address, address.length * 8, port);
      }
      String name = host.toLowerCase(Locale.ROOT);
      if (name.endsWith(".")) {
        name = name.substring(0, name.length() - 1);
      }
      if (name.startsWith(".")) {
        name = name.substring(1);
      }
      return new Entry(name, null, 0, port);
    }

    private static int port(String token, String text) {
      if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1
          || Integer.parseInt(text) > 65535) {
        throw new IllegalArgumentException("entry '" + ProxyUrl.shown(token)
            + "' has a port that is not 1-65535");
      }
      return Integer.parseInt(text);
    }

    boolean matches(String host, byte[] address, int port) {
      if (this.port != 0 && this.port != port) {
        return false;
      }
      if (name != null) {
        if (name.equals("*")) {
          return true;
        }
        if (address != null) {
          return false;
        }
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        bare = bare.toLowerCase(Locale.ROOT);
        return bare.equals(name) || bare.endsWith("." + name);
      }
      return address != null && address.length == network.length && inRange(address);
    }

    private boolean inRange(byte[] address) {
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
