package dev.fetch.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A small HTTP proxy on 127.0.0.1 that records the head of every request it receives and relays
 * it, for asserting what a client sends a proxy ({@code CONNECT}, {@code Proxy-Authorization}):
 *
 * <ul>
 *   <li>{@code CONNECT host:port}: connects to the target, answers 200 and copies bytes both
 *       ways until either side closes (a TLS tunnel the proxy cannot read);
 *   <li>{@code GET http://host:port/path}: sends the request on in origin form, without its
 *       {@code Proxy-*} headers and with {@code Connection: close}, and copies the answer back:
 *       its head, then {@code Content-Length} bytes (or all until the origin closes), then
 *       closes the client's connection.
 * </ul>
 *
 * Built with {@link #requiring} it answers 407 to any request without the right credentials.
 * Every connection runs on its own daemon thread; {@link #close()} stops accepting and closes
 * the connections still open. Thread-safe.
 */
public final class RecordingProxy implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 10_000;

  /** One request as the proxy received it. */
  public record Head(String method, String target, Headers headers) {}

  private final ServerSocket listener;
  private final String authorization;
  private final List<Head> heads = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private RecordingProxy(String authorization) throws IOException {
    this.authorization = authorization;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "recording-proxy-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy that relays every request. */
  public static RecordingProxy open() throws IOException {
    return new RecordingProxy(null);
  }

  /** A proxy that answers 407 unless a request carries these credentials (HTTP Basic). */
  public static RecordingProxy requiring(String user, String password) throws IOException {
    return new RecordingProxy(Credentials.basic(user, password, StandardCharsets.UTF_8));
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT}, or with {@code userInfo@} before the host. */
  public String url(String userInfo) {
    return "http://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + port();
  }

  /** Every request head received so far, in order of arrival. */
  public List<Head> heads() {
    return new ArrayList<>(heads);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        open.add(client);
        Thread connection = new Thread(() -> serve(client), "recording-proxy-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(TIMEOUT_MILLIS);
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      for (String head; (head = readHead(in)) != null; ) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Headers.Builder headers = new Headers.Builder();
        for (int i = 1; i < lines.length; i++) {
          int colon = lines[i].indexOf(':');
          headers.addUnsafeNonAscii(lines[i].substring(0, colon),
              lines[i].substring(colon + 1).trim());
        }
        Head received = new Head(requestLine[0], requestLine[1], headers.build());
        heads.add(received);
        if (authorization != null
            && !authorization.equals(received.headers().get("Proxy-Authorization"))) {
          out.write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
              + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          continue;
        }
        if (received.method().equals("CONNECT")) {
          tunnel(received.target(), client);
        } else {
          forward(received, client);
        }
        return;
      }
    } catch (IOException e) {
      // The client or the origin went away: so does this connection.
    } finally {
      open.remove(client);
    }
  }

  private void tunnel(String target, Socket client) throws IOException {
    int colon = target.lastIndexOf(':');
    try (Socket origin = new Socket(target.substring(0, colon).replace("[", "").replace("]", ""),
        Integer.parseInt(target.substring(colon + 1)))) {
      open.add(origin);
      client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      client.getOutputStream().flush();
      client.setSoTimeout(0);
      Thread up = new Thread(() -> copy(client, origin, -1), "recording-proxy-up");
      up.setDaemon(true);
      up.start();
      copy(origin, client, -1);
    }
  }

  private void forward(Head head, Socket client) throws IOException {
    HttpUrl url = HttpUrl.get(head.target());
    try (Socket origin = new Socket(url.host(), url.port())) {
      open.add(origin);
      origin.setSoTimeout(TIMEOUT_MILLIS);
      StringBuilder request = new StringBuilder(head.method()).append(' ')
          .append(url.encodedPath()).append(url.encodedQuery() == null ? ""
              : "?" + url.encodedQuery()).append(" HTTP/1.1\r\n");
      for (int i = 0; i < head.headers().size(); i++) {
        String name = head.headers().name(i).toLowerCase(Locale.ROOT);
        if (!name.startsWith("proxy-") && !name.equals("connection")) {
          request.append(head.headers().name(i)).append(": ").append(head.headers().value(i))
              .append("\r\n");
        }
      }
      request.append("Connection: close\r\n\r\n");
      origin.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      origin.getOutputStream().flush();
      String response = readHead(origin.getInputStream());
      if (response == null) {
        return;
      }
      long length = -1;
      StringBuilder relayed = new StringBuilder();
      for (String line : response.split("\r\n")) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        }
        if (!lower.startsWith("connection:")) {
          relayed.append(line).append("\r\n");
        }
      }
      relayed.append("Connection: close\r\n\r\n");
      client.getOutputStream().write(relayed.toString().getBytes(StandardCharsets.ISO_8859_1));
      copy(origin, client, length);
    }
  }

  /** Copies {@code from}'s input to {@code to}'s output: {@code limit} bytes, or -1 for all. */
  private static void copy(Socket from, Socket to, long limit) {
    byte[] buffer = new byte[16 * 1024];
    long left = limit;
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      while (left != 0) {
        int read = in.read(buffer, 0, left < 0 ? buffer.length
            : (int) Math.min(buffer.length, left));
        if (read < 0) {
          break;
        }
        out.write(buffer, 0, read);
        out.flush();
        left = left < 0 ? -1 : left - read;
      }
      if (limit < 0) {
        to.shutdownOutput();
      }
    } catch (IOException e) {
      // One side closed: the other is closed by its owner.
    }
  }

  /** The head of a request or response, up to its blank line; null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b; (b = in.read()) != -1; ) {
      head.write(b);
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1)
          ? matched + 1 : 0;
      if (matched == 4) {
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
      }
      if (head.size() > 64 * 1024) {
        throw new IOException("request head over 64 KiB");
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
