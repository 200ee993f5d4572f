package dev.fetch.http;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * A plain TCP socket that can bound the whole TLS handshake layered over it, not just each wait
 * in it: a server that trickles its handshake a byte at a time is stopped at the deadline too.
 *
 * <p>{@link HandshakeTimeoutSocketFactory} {@linkplain #arm arms} it just before the handshake;
 * when the handshake completes the deadline is {@linkplain #disarm() lifted} (the JDK tells its
 * listeners on a thread of its own, so a handshake that ends within a moment of its deadline may
 * still be cut: it took the whole bound). At the deadline one shared daemon timer closes the
 * socket, and the read that the handshake was blocked in ends with a
 * {@link SocketTimeoutException} naming the bound, so the failure is a timeout like any other.
 * Before arming and after disarming the socket is an ordinary socket. Thread-safe.
 */
final class HandshakeDeadlineSocket extends Socket {
  /** One daemon thread for every deadline of the process: it only closes sockets. */
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private volatile ScheduledFuture<?> deadline;
  private volatile boolean expired;
  private volatile long boundMillis;

  /** Makes unconnected sockets of this kind, for OkHttp's {@code socketFactory}. */
  static SocketFactory factory() {
    return new SocketFactory() {
      @Override
      public Socket createSocket() {
        return new HandshakeDeadlineSocket();
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        throw new UnsupportedOperationException("OkHttp asks for unconnected sockets");
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("OkHttp asks for unconnected sockets");
      }

      @Override
      public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException("OkHttp asks for unconnected sockets");
      }

      @Override
      public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
          int localPort) {
        throw new UnsupportedOperationException("OkHttp asks for unconnected sockets");
      }
    };
  }

  /** Closes this socket {@code millis} from now unless {@link #disarm()} comes first. */
  void arm(long millis) {
    boundMillis = millis;
    deadline = TIMER.schedule(this::expire, millis, TimeUnit.MILLISECONDS);
  }

  /** The handshake is over: no deadline from now on. */
  void disarm() {
    ScheduledFuture<?> pending = deadline;
    if (pending != null) {
      pending.cancel(false);
    }
  }

  private void expire() {
    expired = true;
    try {
      close();
    } catch (IOException e) {
      // Closing is all the timer can do; the blocked read ends either way.
    }
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return new FilterInputStream(super.getInputStream()) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw timedOutOr(e);
        }
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
          return super.read(buffer, offset, length);
        } catch (IOException e) {
          throw timedOutOr(e);
        }
      }
    };
  }

  /**
   * Writes too: on a loaded machine the deadline can pass while the JDK is still making its
   * first message, and the write of it then fails with "Socket closed", which is the timeout.
   */
  @Override
  public OutputStream getOutputStream() throws IOException {
    return new FilterOutputStream(super.getOutputStream()) {
      @Override
      public void write(int b) throws IOException {
        try {
          out.write(b);
        } catch (IOException e) {
          throw timedOutOr(e);
        }
      }

      @Override
      public void write(byte[] buffer, int offset, int length) throws IOException {
        try {
          out.write(buffer, offset, length);
        } catch (IOException e) {
          throw timedOutOr(e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (IOException e) {
          throw timedOutOr(e);
        }
      }
    };
  }

  private IOException timedOutOr(IOException e) {
    if (!expired) {
      return e;
    }
    SocketTimeoutException timeout = new SocketTimeoutException(
        "the TLS handshake took more than " + boundMillis + " ms");
    timeout.initCause(e);
    return timeout;
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "fetch-tls-deadline");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
