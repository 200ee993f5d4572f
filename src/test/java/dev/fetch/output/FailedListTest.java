package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.Umask;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --save-failed} list on real files: permissions, and a disk that fills up. */
class FailedListTest {
  @TempDir Path dir;

  /** A writer on a full disk: every write and the final flush fail. */
  static final class FullDiskWriter extends Writer {
    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void flush() throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  @Test
  void aFullDiskLeavesTheTargetUntouchedAndNoTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("list.txt"), "http://old.test/\n");
    FailedList list = FailedList.open(target, file -> new FullDiskWriter());

    assertFalse(list.add("http://a.test/"));
    IOException first = list.failure();
    assertEquals("No space left on device", first.getMessage());
    assertFalse(list.add("http://b.test/"), "later adds do nothing");
    assertSame(first, list.failure());
    assertSame(first, assertThrows(IOException.class, list::close));

    assertEquals("http://old.test/\n", Files.readString(target));
    assertEquals(List.of("list.txt"), names());
  }

  @Test
  void aFailureWhenTheListIsFinishedAlsoLeavesTheTargetUntouched() throws IOException {
    Path target = Files.writeString(dir.resolve("list.txt"), "http://old.test/\n");
    FailedList list = FailedList.open(target, file -> new java.io.BufferedWriter(
        new FullDiskWriter()));

    assertTrue(list.add("http://a.test/"), "buffered: the disk is not touched yet");
    IOException e = assertThrows(IOException.class, list::close);

    assertEquals("No space left on device", e.getMessage());
    assertEquals("http://old.test/\n", Files.readString(target));
    assertEquals(List.of("list.txt"), names());
  }

  @Test
  void aReplacedListKeepsItsOwnMode() throws IOException {
    for (String mode : List.of("rw-------", "rw-rw-r--", "r--r-----")) {
      Path target = Files.writeString(dir.resolve("list-" + mode + ".txt"), "old\n");
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(mode));

      try (FailedList list = FailedList.open(target)) {
        list.add("http://a.test/");
      }

      assertEquals("http://a.test/\n", Files.readString(target));
      assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }
  }

  @Test
  void aNewListGetsTheModeTheUmaskGives() throws IOException {
    Path target = dir.resolve("new.txt");
    try (FailedList list = FailedList.open(target)) {
      list.add("http://a.test/");
    }

    assertEquals(Umask.modeOfANewFile(dir), mode(target));
    assertEquals(List.of("new.txt"), names());
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
