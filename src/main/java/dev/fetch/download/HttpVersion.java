package dev.fetch.download;

/**
 * Which HTTP version fetch speaks ({@code --http1.1}, {@code --http2}). The protocol actually
 * used for a URL is in its result ({@link DownloadResult#protocol()}).
 */
public enum HttpVersion {
  /**
   * OkHttp's default: HTTP/2 when a TLS server offers it by ALPN, else HTTP/1.1; plain
   * {@code http://} is always HTTP/1.1.
   */
  ANY,
  /** HTTP/1.1 only, also on TLS servers that offer HTTP/2 ({@code --http1.1}). */
  HTTP_1_1,
  /**
   * HTTP/2 ({@code --http2}): on TLS, offered first by ALPN (a server without it answers in
   * HTTP/1.1); on plain {@code http://}, with prior knowledge (h2c, curl's
   * {@code --http2-prior-knowledge}), so a server that only speaks HTTP/1.1 fails.
   */
  HTTP_2
}
