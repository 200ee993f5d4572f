package dev.fetch.http;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts every server, as curl's {@code -k/--insecure}: no certificate is checked (expired,
 * self-signed, any issuer). The host name is not checked either: {@link HttpClients} pairs this
 * with a host name verifier that accepts any. The traffic is still encrypted, but anyone on the
 * path can read and change it. Stateless.
 */
final class InsecureTrustManager extends X509ExtendedTrustManager {
  static final InsecureTrustManager INSTANCE = new InsecureTrustManager();

  private InsecureTrustManager() {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
