package dev.fetch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;

/** Writes URL lists for tests, as new files in a test's temporary directory. */
public final class ListFiles {
  private ListFiles() {}

  /** A new list file in {@code dir} holding {@code lines} as given. */
  public static Path write(Path dir, List<String> lines) {
    try {
      Path file = Files.createTempFile(dir, "urls-", ".txt");
      Files.write(file, lines);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new list file in {@code dir} of URLs on {@code server}: a line that starts with {@code /}
   * is a path on the server, written as its full URL; any other line (a URL elsewhere, an
   * invalid line, a comment) is written as given.
   */
  public static Path onServer(Path dir, MockWebServer server, String... lines) {
    List<String> written = new ArrayList<>();
    for (String line : lines) {
      written.add(line.startsWith("/") ? server.url(line).toString() : line);
    }
    return write(dir, written);
  }
}
