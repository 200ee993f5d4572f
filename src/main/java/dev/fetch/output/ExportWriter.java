package dev.fetch.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one place exports are written: {@code -} is standard output; a path is written to a
 * temporary file beside it and renamed, so a reader never sees half an export.
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
    Path temp = Files.createTempFile(path.getParent(), "." + path.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
