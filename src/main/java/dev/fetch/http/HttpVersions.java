package dev.fetch.http;

import dev.fetch.download.HttpVersion;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * {@link HttpVersion} in OkHttp's terms, and the names results give the protocol used.
 * Stateless.
 */
final class HttpVersions {
  /** How OkHttp refuses an https URL on a client with prior knowledge. */
  static final String PRIOR_KNOWLEDGE_OVER_TLS = "H2_PRIOR_KNOWLEDGE cannot be used with HTTPS";

  private HttpVersions() {}

  /** The protocols a client offers for {@code version} (on TLS, by ALPN, in this order). */
  static List<Protocol> protocols(HttpVersion version) {
    return version == HttpVersion.HTTP_1_1 ? List.of(Protocol.HTTP_1_1)
        : List.of(Protocol.HTTP_2, Protocol.HTTP_1_1);
  }

  /**
   * The client for plain {@code http://} URLs: {@code client} itself, or for
   * {@link HttpVersion#HTTP_2} one that speaks HTTP/2 with prior knowledge (h2c), sharing its
   * dispatcher, pool and interceptors ({@link RedirectFollower} included). OkHttp cannot use
   * prior knowledge over TLS within one call, so a redirect from such a URL to {@code https://}
   * fails; its refusal ({@value #PRIOR_KNOWLEDGE_OVER_TLS}) is an {@code http} failure
   * ({@link FailureClassifier}: "redirect to https:// not followed"), never an I/O error retried.
   */
  static OkHttpClient cleartext(OkHttpClient client, HttpVersion version) {
    return version == HttpVersion.HTTP_2
        ? client.newBuilder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build() : client;
  }

  /** The result's name for {@code protocol}: {@code "http/1.1"}, {@code "h2"}, … */
  static String name(Protocol protocol) {
    return protocol == Protocol.H2_PRIOR_KNOWLEDGE ? "h2" : protocol.toString();
  }
}
