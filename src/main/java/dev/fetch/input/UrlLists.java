package dev.fetch.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens the URL list named on the command line: a file, or {@code -} for standard input. */
public final class UrlLists {
  /** The name standard input goes by in messages. */
  public static final String STDIN_NAME = "<stdin>";

  private UrlLists() {}

  /**
   * Counts the lines of list {@code argument} that are neither blank nor comments, for a progress
   * bar's total; -1 unless it is a regular file that can be read. Never reads a pipe, a FIFO or
   * standard input, whose lines the run itself needs.
   */
  public static long countUrlLines(String argument) {
    if (argument.equals("-") || !Files.isRegularFile(Path.of(argument))) {
      return -1;
    }
    try {
      return count(argument, InputStream.nullInputStream());
    } catch (InputException e) {
      return -1;
    }
  }

  /**
   * Counts the URL lines (valid or not) of list {@code argument}, reading it to the end.
   *
   * @throws InputException naming the list when it cannot be read
   */
  public static long count(String argument, InputStream stdin) {
    try (UrlListReader reader = open(argument, stdin)) {
      long count = 0;
      for (; reader.hasNext(); reader.next()) {
        count++;
      }
      return count;
    }
  }

  /**
   * Opens {@code argument} for reading.
   *
   * @param stdin what {@code -} reads
   * @throws InputException naming the file when it is missing, a directory or unreadable
   */
  public static UrlListReader open(String argument, InputStream stdin) {
    if (argument.equals("-")) {
      return new UrlListReader(STDIN_NAME, stdin);
    }
    Path path = Path.of(argument);
    if (Files.isDirectory(path)) {
      throw new InputException(argument + ": is a directory, not a URL list");
    }
    try {
      return new UrlListReader(argument, Files.newInputStream(path));
    } catch (NoSuchFileException e) {
      throw new InputException(argument + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new InputException(argument + ": permission denied", e);
    } catch (IOException e) {
      throw new InputException(argument + ": cannot read (" + e.getMessage() + ")", e);
    }
  }
}
