package dev.fetch.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlListsTest {
  @TempDir Path dir;

  private static final ByteArrayInputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

  @Test
  void missingFileIsNamed() {
    String missing = dir.resolve("missing.txt").toString();
    InputException e = assertThrows(InputException.class, () -> UrlLists.open(missing, NO_STDIN));
    assertEquals(missing + ": no such file", e.getMessage());
  }

  @Test
  void directoryIsNamed() {
    String name = dir.toString();
    InputException e = assertThrows(InputException.class, () -> UrlLists.open(name, NO_STDIN));
    assertEquals(name + ": is a directory, not a URL list", e.getMessage());
  }

  @Test
  void unreadableFileIsNamed() throws IOException {
    Path file = Files.writeString(dir.resolve("secret.txt"), "http://a.test/\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(file), "permissions are not enforced (running as root?)");
      String name = file.toString();
      InputException e = assertThrows(InputException.class, () -> UrlLists.open(name, NO_STDIN));
      assertEquals(name + ": permission denied", e.getMessage());
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void readsAFileUnderItsOwnName() throws IOException {
    Path file = Files.writeString(dir.resolve("list.txt"), "# c\nhttp://a.test/\nbad\n");
    String name = file.toString();
    try (UrlListReader reader = UrlLists.open(name, NO_STDIN)) {
      assertEquals(name, reader.source());
      UrlEntry first = reader.next();
      assertEquals("http://a.test/", first.display());
      assertEquals(2, first.lineNumber());
      UrlEntry second = reader.next();
      assertEquals(name + ":3: not an absolute URL (expected http:// or https://)",
          second.toFailure().message());
      assertFalse(reader.hasNext());
    }
  }

  @Test
  void dashReadsTheGivenStdin() {
    ByteArrayInputStream stdin = new ByteArrayInputStream(
        "\nhttp://from-stdin.test/\n".getBytes(StandardCharsets.UTF_8));
    try (UrlListReader reader = UrlLists.open("-", stdin)) {
      assertEquals("<stdin>", reader.source());
      assertTrue(reader.hasNext());
      UrlEntry entry = reader.next();
      assertEquals("http://from-stdin.test/", entry.display());
      assertEquals("<stdin>:2", entry.location());
      assertFalse(reader.hasNext());
    }
  }

  @Test
  void fileNamedLikeStdinIsNotStdin() throws IOException {
    Path file = Files.writeString(dir.resolve("-"), "http://file.test/\n");
    ByteArrayInputStream stdin = new ByteArrayInputStream(
        "http://stdin.test/\n".getBytes(StandardCharsets.UTF_8));
    try (UrlListReader reader = UrlLists.open(file.toString(), stdin)) {
      assertEquals("http://file.test/", reader.next().display());
    }
  }
}
