package dev.fetch.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: an export compared to the byte with a checked-in file under
 * {@code src/test/resources/golden/}. After a deliberate change, run the tests with
 * {@code -Dfetch.golden.update=true}: each golden test then rewrites its file (and fails, so the
 * update is never silent); review the diff and commit it.
 */
public final class Golden {
  private Golden() {}

  /** Asserts that {@code actual} is the golden file {@code name}'s text. */
  public static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean("fetch.golden.update")) {
      Path file = Path.of(System.getProperty("basedir", "."), "src", "test", "resources",
          "golden", name);
      try {
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      throw new AssertionError("rewrote " + file + ": review the diff, then run without "
          + "-Dfetch.golden.update");
    }
    assertEquals(read(name), actual, "golden/" + name);
  }

  /** The golden file {@code name}'s text. */
  public static String read(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IOException("no test resource /golden/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
