package dev.fetch.server;

import java.io.IOException;

/**
 * {@code fetch serve} cannot listen where it was asked: the port is taken, the address is not
 * one of this machine's, the name does not resolve. A usage error (exit 2); the message names the
 * address and the cause.
 */
public class CannotListenException extends IOException {
  public CannotListenException(String message, Throwable cause) {
    super(message, cause);
  }
}
