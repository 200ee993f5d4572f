package dev.fetch.download;

/**
 * A file fetch was told to read settings from (a netrc file, a cookie file) cannot be used:
 * missing, unreadable, not text, or malformed. A usage error (exit code 2) found before the first
 * request; the message starts with {@code FILE:LINE:} (or {@code FILE:} for the file as a whole)
 * and never quotes a value from the file, which may be a password.
 */
public final class MalformedFileException extends RuntimeException {
  public MalformedFileException(String message) {
    super(message);
  }

  public MalformedFileException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The problem on line {@code line} of {@code file}. */
  static MalformedFileException at(String file, int line, String problem) {
    return new MalformedFileException(file + ":" + line + ": " + problem);
  }
}
