package dev.fetch.http;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A trust manager that decides exactly as its delegate does and, when it refuses a server,
 * says why in plain words ({@link UntrustedCertificateException}). Extends
 * {@link X509ExtendedTrustManager} and passes the socket or engine on, so the TLS stack applies
 * the delegate's checks unchanged. Thread-safe if the delegate is.
 */
final class ExplainingTrustManager extends X509ExtendedTrustManager {
  private final X509TrustManager delegate;

  ExplainingTrustManager(X509TrustManager delegate) {
    this.delegate = delegate;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    try {
      if (delegate instanceof X509ExtendedTrustManager) {
        ((X509ExtendedTrustManager) delegate).checkServerTrusted(chain, authType, socket);
      } else {
        delegate.checkServerTrusted(chain, authType);
      }
    } catch (CertificateException e) {
      throw UntrustedCertificateException.explain(chain, e, new Date());
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    try {
      if (delegate instanceof X509ExtendedTrustManager) {
        ((X509ExtendedTrustManager) delegate).checkServerTrusted(chain, authType, engine);
      } else {
        delegate.checkServerTrusted(chain, authType);
      }
    } catch (CertificateException e) {
      throw UntrustedCertificateException.explain(chain, e, new Date());
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      throw UntrustedCertificateException.explain(chain, e, new Date());
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }
}
