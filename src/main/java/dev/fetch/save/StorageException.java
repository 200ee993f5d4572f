package dev.fetch.save;

import java.io.IOException;

/** A body could not be written to local storage: a local problem, not a network one. */
public final class StorageException extends IOException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
