package dev.fetch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that answers every request with {@code size} zero bytes,
 * generated as they are sent: for bodies too big to hold in a test's memory. One connection at a
 * time; closes each connection after its response.
 */
public final class StreamingServer implements AutoCloseable {
  private final ServerSocket socket;
  private final long size;
  private final Thread acceptor;

  public StreamingServer(long size) throws IOException {
    this.size = size;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::serve, "streaming-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  private void serve() {
    byte[] chunk = new byte[64 * 1024];
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        BufferedReader request = new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        for (String line; (line = request.readLine()) != null && !line.isEmpty(); ) {
          // Skip the request line and headers.
        }
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + size
            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (long left = size; left > 0; left -= chunk.length) {
          out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        out.flush();
      } catch (IOException e) {
        // The client went away, or the server was closed: serve the next one, or stop.
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
