package dev.fetch.http;

import java.io.IOException;

/** A body grew past {@code --max-size}: the download stops there. */
public final class TooLargeException extends IOException {
  public TooLargeException(long limit) {
    super("body larger than --max-size (" + limit + " bytes)");
  }
}
