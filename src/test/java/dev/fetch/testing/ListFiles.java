package dev.fetch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes URL lists for tests. */
public final class ListFiles {
  private ListFiles() {}

  public static Path write(Path dir, List<String> lines) {
    try {
      Path file = Files.createTempFile(dir, "urls-", ".txt");
      Files.write(file, lines);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
