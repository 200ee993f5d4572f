package dev.fetch.http;

import dev.fetch.log.Diagnostics;
import java.io.IOException;
import okhttp3.Connection;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp network interceptor that shows each request and response head on the wire as curl's
 * {@code -v} does, on the run's diagnostics: {@code > GET /path HTTP/1.1}, {@code > Name: value}
 * for each header sent, then {@code < HTTP/1.1 200 OK} and {@code < Name: value} for each header
 * received — every hop of a redirect and every retry. The values of credential headers
 * ({@link SecretHeaders}) are shown as {@code [redacted]}; control characters are escaped by
 * {@link Diagnostics}. Added only for {@code -v}. Thread-safe; lines of concurrent downloads may
 * interleave, each prefixed with its thread's name.
 */
final class HeaderLog implements Interceptor {
  private final Diagnostics log;

  HeaderLog(Diagnostics log) {
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    String protocol = connection == null ? "HTTP/1.1" : name(connection.protocol());
    String target = request.url().encodedPath()
        + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery());
    log.debug(() -> "> " + request.method() + " " + target + " " + protocol);
    show("> ", request.headers());
    Response response = chain.proceed(request);
    log.debug(() -> "< " + name(response.protocol()) + " " + response.code()
        + (response.message().isEmpty() ? "" : " " + response.message()));
    show("< ", response.headers());
    return response;
  }

  private void show(String direction, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = SecretHeaders.shown(name, headers.value(i));
      log.debug(() -> direction + name + ": " + value);
    }
  }

  /** {@code HTTP/1.1}, {@code HTTP/2}, as curl names them. */
  static String name(Protocol protocol) {
    switch (protocol) {
      case HTTP_1_0:
        return "HTTP/1.0";
      case HTTP_1_1:
        return "HTTP/1.1";
      case HTTP_2:
      case H2_PRIOR_KNOWLEDGE:
        return "HTTP/2";
      default:
        return protocol.toString().toUpperCase(java.util.Locale.ROOT);
    }
  }
}
