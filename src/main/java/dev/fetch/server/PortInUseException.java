package dev.fetch.server;

import java.net.BindException;

/** The address {@code fetch serve} was asked to listen on is taken. */
public final class PortInUseException extends CannotListenException {
  public PortInUseException(String host, int port, BindException cause) {
    super("port " + port + " on " + host + " is already in use (try --port 0 for a free one)",
        cause);
  }
}
