package dev.fetch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on 127.0.0.1 that answers every connection with exact bytes, for responses
 * MockWebServer cannot send (a garbage status line, conflicting lengths, control bytes in
 * headers). Each connection: the request head is read (up to its blank line, at most 64 KiB, for
 * at most 5 s), the bytes are written, then the connection is closed, or, with {@link #silent()},
 * nothing is read or written and the connection is held until {@link #close()} (or 30 s).
 *
 * <p>Every connection runs on its own daemon thread and ends by itself; {@link #close()} stops
 * accepting and closes the connections still open. Thread-safe.
 */
public final class RawServer implements AutoCloseable {
  private static final int HOLD_MILLIS = 30_000;
  private static final int REQUEST_MILLIS = 5_000;

  private final ServerSocket listener;
  private final byte[] response;
  private final boolean silent;
  /** Milliseconds between single bytes, or 0 to send the response at once. */
  private final long trickleMillis;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();

  private RawServer(byte[] response, boolean silent) throws IOException {
    this(response, silent, 0);
  }

  private RawServer(byte[] response, boolean silent, long trickleMillis) throws IOException {
    this.response = response;
    this.silent = silent;
    this.trickleMillis = trickleMillis;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "raw-server-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A server that answers every connection with {@code response} and closes it. */
  public static RawServer replying(byte[] response) throws IOException {
    return new RawServer(response.clone(), false);
  }

  /** {@link #replying(byte[])} with {@code response}'s characters as bytes (ISO-8859-1). */
  public static RawServer replying(String response) throws IOException {
    return replying(response.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * A server that accepts every connection and then says nothing: a TLS handshake or a request
   * to it waits until the client gives up.
   */
  public static RawServer silent() throws IOException {
    return new RawServer(new byte[0], true);
  }

  /**
   * A server that reads nothing and sends {@code bytes} one at a time, one every
   * {@code everyMillis}, round and round, until the client goes (or 30 s): never idle long, never
   * done — a TLS handshake that trickles.
   */
  public static RawServer trickling(byte[] bytes, long everyMillis) throws IOException {
    if (bytes.length == 0 || everyMillis <= 0) {
      throw new IllegalArgumentException("nothing to trickle");
    }
    return new RawServer(bytes.clone(), false, everyMillis);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** How many connections were accepted so far. */
  public int connections() {
    return connections.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        connections.incrementAndGet();
        open.add(client);
        Thread handler = new Thread(() -> handle(client), "raw-server-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        // Closed: stop accepting.
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      if (silent) {
        client.setSoTimeout(HOLD_MILLIS);
        client.getInputStream().skip(Long.MAX_VALUE);
        return;
      }
      if (trickleMillis > 0) {
        trickle(client);
        return;
      }
      client.setSoTimeout(REQUEST_MILLIS);
      skipRequestHead(client.getInputStream());
      client.getOutputStream().write(response);
      client.getOutputStream().flush();
      client.shutdownOutput();
    } catch (SocketTimeoutException e) {
      // Held long enough: close.
    } catch (IOException e) {
      // The client went away, or the server was closed.
    } finally {
      open.remove(client);
    }
  }

  private void trickle(Socket client) throws IOException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HOLD_MILLIS);
    try {
      for (int i = 0; System.nanoTime() < end; i = (i + 1) % response.length) {
        client.getOutputStream().write(response[i]);
        client.getOutputStream().flush();
        Thread.sleep(trickleMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads up to the blank line that ends a request head (or 64 KiB, or the end). */
  private static void skipRequestHead(InputStream in) throws IOException {
    int matched = 0;
    for (int read = 0; read < 64 * 1024; read++) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket client : open) {
      client.close();
    }
  }
}
