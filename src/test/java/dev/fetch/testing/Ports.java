package dev.fetch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 for tests. */
public final class Ports {
  private Ports() {}

  /**
   * A port on 127.0.0.1 that nothing listens on: it was just bound and released, so a connection
   * to it is refused (unless another process takes it in between, which ephemeral ports make
   * unlikely).
   */
  public static int refused() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
