package dev.fetch.input;

import java.io.InputStream;

/** Opens one URL list named on the command line: a file, or {@code -} for standard input. */
public final class UrlLists {
  /** The name standard input goes by in messages. */
  public static final String STDIN_NAME = Input.StandardInput.NAME;

  private UrlLists() {}

  /**
   * Counts the URL lines (valid or not) of list {@code argument}, reading it to the end.
   *
   * @throws InputException naming the list when it cannot be read
   */
  public static long count(String argument, InputStream stdin) {
    try (UrlListReader reader = open(argument, stdin)) {
      return reader.countRest();
    }
  }

  /**
   * Opens {@code argument} for reading.
   *
   * @param stdin what {@code -} reads
   * @throws InputException naming the file when it is missing, a directory or unreadable
   */
  public static UrlListReader open(String argument, InputStream stdin) {
    return InputParser.list(argument).open(stdin, 0);
  }
}
