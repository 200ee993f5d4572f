package dev.fetch.http;

import dev.fetch.download.TlsSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A run's TLS, set up when the first TLS connection needs it: the socket factory and trust
 * manager given to OkHttp stand in for those of the {@link TlsTrust} built then. A run whose URLs
 * and redirects are all {@code http://} never loads the JDK's TLS stack nor parses its CA store
 * (some 400 classes and the {@code cacerts} file, a tenth of a second of start-up).
 *
 * <p>What is trusted is decided exactly as before, by {@link TlsTrust#of} for these settings and
 * the JVM trust-store properties as they were when this was made; a failure to set it up (an
 * unreadable {@code -Djavax.net.ssl.trustStore}) fails that connection with an
 * {@link SSLException} saying so.
 *
 * <p>The trust manager OkHttp is given answers {@link X509TrustManager#getAcceptedIssuers()} with
 * no certificate: OkHttp asks for them only when a client is built, to make the certificate
 * chain cleaner behind certificate pinning and {@code Handshake.peerCertificates()}, neither of
 * which fetch uses (asking would load the CA store up front). Add either, and build the trust
 * with {@link TlsTrust#of} instead. The server is checked by the real trust manager, inside the
 * socket factory's TLS context.
 *
 * <p>One instance per settings and trust-store properties, so clients built from equal settings
 * have equal socket factories and OkHttp's pool shares their connections. Thread-safe: the trust
 * is built at most once in the common case, and any second build is the same cached
 * {@code TlsTrust}.
 */
final class DeferredTls {
  private static final Map<Object, DeferredTls> MADE = new ConcurrentHashMap<>();

  private final TlsSettings tls;
  private final Object key;
  private final SSLSocketFactory socketFactory = new Factory();
  private final X509TrustManager trustManager = new Trust();
  private volatile TlsTrust trust;

  private DeferredTls(TlsSettings tls, Object key) {
    this.tls = tls;
    this.key = key;
  }

  /** The deferred TLS for {@code tls} and this JVM's trust-store properties now. */
  static DeferredTls of(TlsSettings tls) {
    Object key = TlsTrust.key(tls);
    return MADE.computeIfAbsent(key, k -> new DeferredTls(tls, k));
  }

  /** The socket factory for OkHttp; it sets the trust up on its first socket. */
  SSLSocketFactory socketFactory() {
    return socketFactory;
  }

  /** The trust manager for OkHttp (see the class comment). */
  X509TrustManager trustManager() {
    return trustManager;
  }

  /** Whether the trust has been built, for tests. */
  boolean started() {
    return trust != null;
  }

  private TlsTrust trust() throws SSLException {
    TlsTrust built = trust;
    if (built == null) {
      try {
        built = TlsTrust.of(tls, key);
      } catch (RuntimeException e) {
        throw new SSLException("cannot set up TLS: " + e.getMessage(), e);
      }
      trust = built;
    }
    return built;
  }

  private SSLSocketFactory delegate() throws SSLException {
    return trust().socketFactory();
  }

  /** For the methods that cannot throw an {@link IOException}. */
  private SSLSocketFactory delegateUnchecked() {
    try {
      return delegate();
    } catch (SSLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private final class Factory extends SSLSocketFactory {
    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
        throws IOException {
      return delegate().createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return delegate().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
        int localPort) throws IOException {
      return delegate().createSocket(address, port, localAddress, localPort);
    }

    @Override
    public Socket createSocket() throws IOException {
      return delegate().createSocket();
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegateUnchecked().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegateUnchecked().getSupportedCipherSuites();
    }
  }

  private final class Trust implements X509TrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      real().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      real().checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }

    private X509TrustManager real() throws CertificateException {
      try {
        return trust().trustManager();
      } catch (SSLException e) {
        throw new CertificateException(e.getMessage(), e);
      }
    }
  }
}
