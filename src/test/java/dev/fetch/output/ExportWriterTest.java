package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetch.testing.Umask;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports on real files: what they hold, the permissions they get, nothing left beside them. */
class ExportWriterTest {
  @TempDir Path dir;

  private final StringWriter stdout = new StringWriter();
  private final ExportWriter writer = new ExportWriter(new PrintWriter(stdout));

  @Test
  void aNewExportGetsTheModeTheUmaskGivesNotOwnerOnly() throws IOException {
    Path target = dir.resolve("trace.json");
    writer.write(target.toString(), "{}\n");

    assertEquals("{}\n", Files.readString(target));
    assertEquals(Umask.modeOfANewFile(dir), mode(target));
    assertEquals(List.of("trace.json"), names(), "no temporary file is left");
  }

  @Test
  void aReplacedExportKeepsItsOwnMode() throws IOException {
    for (String mode : List.of("rw-------", "rw-rw-rw-")) {
      Path target = Files.writeString(dir.resolve(mode + ".json"), "old");
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(mode));

      writer.write(target.toString(), "new");

      assertEquals("new", Files.readString(target));
      assertEquals(mode, mode(target));
    }
  }

  @Test
  void dashIsStandardOutput() throws IOException {
    writer.write("-", "{}\n");
    assertEquals("{}\n", stdout.toString());
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
