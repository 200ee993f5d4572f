package dev.fetch.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The platform's TLS socket factory, with the TLS handshake bounded by the connect timeout.
 *
 * <p>OkHttp 5 applies {@code connectTimeout} to the TCP connection only: the handshake runs with
 * the socket's read timeout, which is {@code --timeout}, so a server that accepts and then says
 * nothing held a URL for the whole {@code --timeout}, or forever with {@code --timeout 0}. This
 * factory sets the connected socket's read timeout to the connect timeout (or the read timeout,
 * if shorter) just before OkHttp layers TLS over it; OkHttp sets its own read timeout again when
 * it puts the connection to use after the handshake ({@code RealConnection.newCodec}, or none
 * for HTTP/2). That bounds each wait for the server during the handshake; when the plain socket
 * is a {@link HandshakeDeadlineSocket} (the client's {@code socketFactory}, see
 * {@link HttpClients}) the whole handshake is bounded too, so a server that trickles its
 * handshake a byte at a time is stopped at the same bound.
 *
 * <p>Stateless apart from its delegate; thread-safe. Equal to another over an equal delegate with
 * the same bound, so that OkHttp's pool, which compares socket factories, shares connections
 * between clients built from equal settings.
 */
final class HandshakeTimeoutSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;
  private final int timeoutMillis;

  /**
   * @param timeoutMillis the longest wait for the server during a handshake, more than 0
   */
  HandshakeTimeoutSocketFactory(SSLSocketFactory delegate, int timeoutMillis) {
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("timeoutMillis <= 0: " + timeoutMillis);
    }
    this.delegate = delegate;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * The bound for a client with these timeouts (0 meaning none): the connect timeout, or the
   * read timeout if that is shorter; 0 when the connect timeout is 0 (then the handshake waits
   * as long as a read may, as OkHttp does).
   */
  static int handshakeMillis(Duration connectTimeout, Duration readTimeout) {
    long connect = connectTimeout.toMillis();
    long read = readTimeout.toMillis();
    if (connect <= 0) {
      return 0;
    }
    long bound = read > 0 ? Math.min(connect, read) : connect;
    return (int) Math.max(1, Math.min(bound, Integer.MAX_VALUE));
  }

  /** The JDK's default trust (the {@code javax.net.ssl.trustStore} in effect now), as OkHttp. */
  static X509TrustManager platformTrustManager() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager) {
          return (X509TrustManager) manager;
        }
      }
      throw new IllegalStateException("no X509TrustManager in the platform's defaults");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no platform trust manager: " + e.getMessage(), e);
    }
  }

  /** A TLS socket factory trusting what {@code trustManager} trusts, as OkHttp builds its own. */
  static SSLSocketFactory platformFactory(X509TrustManager trustManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS context: " + e.getMessage(), e);
    }
  }

  /** The one OkHttp calls: TLS over a connected socket, whose read timeout is bounded first. */
  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
      throws IOException {
    socket.setSoTimeout(timeoutMillis);
    Socket tls = delegate.createSocket(socket, host, port, autoClose);
    if (socket instanceof HandshakeDeadlineSocket && tls instanceof SSLSocket) {
      HandshakeDeadlineSocket plain = (HandshakeDeadlineSocket) socket;
      ((SSLSocket) tls).addHandshakeCompletedListener(done -> plain.disarm());
      plain.arm(timeoutMillis);
    }
    return tls;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HandshakeTimeoutSocketFactory
        && ((HandshakeTimeoutSocketFactory) other).delegate.equals(delegate)
        && ((HandshakeTimeoutSocketFactory) other).timeoutMillis == timeoutMillis;
  }

  @Override
  public int hashCode() {
    return 31 * delegate.hashCode() + timeoutMillis;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return delegate.createSocket(host, port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return delegate.createSocket(host, port, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return delegate.createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
      int localPort) throws IOException {
    return delegate.createSocket(address, port, localAddress, localPort);
  }
}
