package dev.fetch.engine;

/**
 * A run cannot start because of how it was asked for: an output directory that cannot be
 * written, a {@code --save-failed} file that cannot be created. A usage error (exit code 2),
 * raised before any download; the message names the option and the path.
 */
public final class SetupException extends RuntimeException {
  public SetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
