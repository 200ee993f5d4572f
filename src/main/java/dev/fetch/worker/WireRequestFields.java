package dev.fetch.worker;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.fetch.download.NetscapeCookie;
import dev.fetch.download.Netrc;
import dev.fetch.download.RequestHeaders;
import dev.fetch.download.RequestSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of the {@link WireFormat} that carries request settings and cookies, as flat fields:
 * a list is one field per element, named {@code PREFIX:N} (N from 0), a netrc entry three,
 * {@code request_netrc:N:machine}, {@code …:login}, {@code …:password}.
 *
 * <pre>
 * settings  "request_headers:0":"X-A: 1",…, "request_netrc:0:machine":"h" or null,
 *           "request_netrc:0:login":…, "request_netrc:0:password":…,
 *           "request_cookies:0":"NETSCAPE LINE",…, "request_cookie_header":… or null,
 *           "request_cookie_engine":true, "request_cookie_jar":… or null,
 *           "request_max_redirects":20, "request_rate_limit":0
 * download  "cookie:0":"NETSCAPE LINE",…   the parent's cookies the worker has not seen
 * result    "cookie:0":"NETSCAPE LINE",…   the cookies the download stored or deleted
 * </pre>
 *
 * <p>Values are secrets (passwords, cookies, header values): they travel over a pipe only, and
 * errors name the field, never its value. Stateless.
 */
final class WireRequestFields {
  static final String HEADERS = "request_headers:";
  static final String NETRC = "request_netrc:";
  static final String COOKIES = "request_cookies:";
  /** Cookies in a download or a result message. */
  static final String COOKIE = "cookie:";

  private WireRequestFields() {}

  static void write(JsonGenerator json, RequestSettings request) throws IOException {
    writeList(json, HEADERS, request.headers().arguments());
    List<Netrc.Entry> entries = request.netrc().entries();
    for (int i = 0; i < entries.size(); i++) {
      json.writeStringField(NETRC + i + ":machine", entries.get(i).machine());
      json.writeStringField(NETRC + i + ":login", entries.get(i).login());
      json.writeStringField(NETRC + i + ":password", entries.get(i).password());
    }
    writeCookies(json, COOKIES, request.cookies());
    json.writeStringField("request_cookie_header", request.cookieHeader());
    json.writeBooleanField("request_cookie_engine", request.cookieEngine());
    json.writeStringField("request_cookie_jar", request.cookieJar() == null ? null
        : request.cookieJar().toAbsolutePath().toString());
    json.writeNumberField("request_max_redirects", request.maxRedirects());
    json.writeNumberField("request_rate_limit", request.rateLimit());
  }

  /**
   * The request settings in a settings message.
   *
   * @throws IllegalArgumentException naming the field that is missing or malformed
   */
  static RequestSettings read(WireFormat.Message message) {
    RequestHeaders headers;
    try {
      headers = RequestHeaders.parse(list(message, HEADERS));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed " + HEADERS + "N in " + message.type());
    }
    List<Netrc.Entry> entries = new ArrayList<>();
    Map<Integer, String> machines = indexed(message, NETRC, ":machine");
    for (int i = 0; i < machines.size(); i++) {
      if (!message.fields().containsKey(NETRC + i + ":machine")) {
        throw new IllegalArgumentException("no " + NETRC + i + ":machine in " + message.type());
      }
      entries.add(new Netrc.Entry(message.text(NETRC + i + ":machine"),
          message.text(NETRC + i + ":login"), message.text(NETRC + i + ":password")));
    }
    Object engine = message.fields().get("request_cookie_engine");
    if (!(engine instanceof Boolean)) {
      throw new IllegalArgumentException("no boolean request_cookie_engine in " + message.type());
    }
    String jar = message.text("request_cookie_jar");
    long redirects = number(message, "request_max_redirects");
    if (redirects > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("request_max_redirects out of range in "
          + message.type());
    }
    return RequestSettings.defaults().withHeaders(headers).withNetrc(Netrc.of(entries))
        .withCookies(cookies(message, COOKIES), message.text("request_cookie_header"),
            (Boolean) engine, jar == null ? null : Path.of(jar))
        .withMaxRedirects((int) redirects)
        .withRateLimit(number(message, "request_rate_limit"));
  }

  /** Writes {@code cookies} as {@code PREFIX:N} Netscape lines. */
  static void writeCookies(JsonGenerator json, String prefix, List<NetscapeCookie> cookies)
      throws IOException {
    for (int i = 0; i < cookies.size(); i++) {
      json.writeStringField(prefix + i, cookies.get(i).line());
    }
  }

  /** The cookies in fields {@code PREFIX:N}, in order of N. */
  static List<NetscapeCookie> cookies(WireFormat.Message message, String prefix) {
    List<NetscapeCookie> cookies = new ArrayList<>();
    for (String line : list(message, prefix)) {
      try {
        cookies.add(NetscapeCookie.parse(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed " + prefix + "N in " + message.type());
      }
    }
    return cookies;
  }

  private static void writeList(JsonGenerator json, String prefix, List<String> values)
      throws IOException {
    for (int i = 0; i < values.size(); i++) {
      json.writeStringField(prefix + i, values.get(i));
    }
  }

  /** The strings in fields {@code PREFIX:N}, which must run from 0 without a gap. */
  private static List<String> list(WireFormat.Message message, String prefix) {
    Map<Integer, String> found = indexed(message, prefix, "");
    List<String> values = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      String value = found.get(i);
      if (value == null) {
        throw new IllegalArgumentException("no string " + prefix + i + " in " + message.type());
      }
      values.add(value);
    }
    return values;
  }

  /** The fields named {@code PREFIX N SUFFIX} by N; values as text (null for JSON null). */
  private static Map<Integer, String> indexed(WireFormat.Message message, String prefix,
      String suffix) {
    Map<Integer, String> found = new TreeMap<>();
    for (String name : message.fields().keySet()) {
      if (!name.startsWith(prefix) || !name.endsWith(suffix)
          || name.length() < prefix.length() + suffix.length()) {
        continue;
      }
      String index = name.substring(prefix.length(), name.length() - suffix.length());
      if (!index.matches("\\d{1,9}")) {
        throw new IllegalArgumentException("bad index in field " + prefix + "N" + suffix
            + " of " + message.type());
      }
      found.put(Integer.parseInt(index), message.text(name));
    }
    return found;
  }

  private static long number(WireFormat.Message message, String name) {
    Long value = message.number(name);
    if (value == null || value < 0) {
      throw new IllegalArgumentException("no number " + name + " in " + message.type());
    }
    return value;
  }
}
