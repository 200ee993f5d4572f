package dev.fetch.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place exports are written: {@code -} is standard output; a path is written to a
 * temporary file beside it and renamed, so a reader never sees half an export. A new file gets the
 * permissions the umask gives; a replaced file keeps its own (see {@link ReplacementFile}).
 */
public final class ExportWriter {
  private final PrintWriter stdout;

  public ExportWriter(PrintWriter stdout) {
    this.stdout = stdout;
  }

  public void write(String target, String content) throws IOException {
    if (target.equals("-")) {
      stdout.print(content);
      stdout.flush();
      return;
    }
    Path path = Path.of(target).toAbsolutePath();
    Path temp = ReplacementFile.create(path);
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      ReplacementFile.moveIntoPlace(temp, path);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
