package dev.fetch.input;

/**
 * The URL list as a whole cannot be used: missing, unreadable, a directory, or without a single
 * URL. A usage error (exit code 2); the message names the file and is shown as is.
 */
public final class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The list {@code source} has not a single URL line. */
  public static InputException noUrls(String source) {
    return new InputException(source
        + ": no URLs (the list is empty or has only blank lines and comments)");
  }
}
