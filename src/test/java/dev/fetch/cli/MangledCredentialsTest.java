package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.output.Format;
import dev.fetch.testing.Cli;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.MangledCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Credentials on list lines that are not valid URLs never reach any output, through the whole
 * command line: every {@code --format}, the {@code FILE:LINE} warnings and {@code -v} logs on
 * stderr, the {@code --trace} file, and {@code compare}'s JSON and HTML exports. Lists are random
 * (jqwik); the only server is the hosts file's refusal, so nothing leaves the machine.
 */
class MangledCredentialsTest {

  @Provide
  Arbitrary<List<String>> lists() {
    return MangledCredentials.lines().list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 15)
  void noOutputShowsACredentialOrARawControlCharacter(@ForAll("lists") List<String> lines)
      throws IOException {
    Path dir = Files.createTempDirectory("mangled-");
    try {
      Path list = ListFiles.write(dir, lines);
      for (Format format : Format.values()) {
        Path trace = dir.resolve("trace-" + format + ".json");
        Cli.Result run = Cli.run("-f", format.toString(), "-v", "--retries", "0",
            "--connect-timeout", "1s", "--trace", trace.toString(), list.toString());
        assertEquals(ExitCodes.FAILURES, run.exitCode(), run.toString());
        assertSafe(format + " output", run.out() + run.err());
        assertSafe(format + " trace", Files.readString(trace));
      }
      Path json = dir.resolve("compare.json");
      Path html = dir.resolve("compare.html");
      Cli.Result compare = Cli.run("compare", list.toString(), "--modes", "threads", "--runs",
          "1", "--warmup", "0", "--seed", "1", "-q", "--export-json", json.toString(),
          "--report", html.toString());
      assertSafe("compare output", compare.out() + compare.err());
      assertSafe("compare JSON", Files.readString(json));
      assertSafe("compare HTML", Files.readString(html));
    } finally {
      delete(dir);
    }
  }

  private static void assertSafe(String what, String text) {
    assertFalse(MangledCredentials.leaks(text), what + " leaks a credential:\n" + text);
    assertTrue(text.chars().allMatch(c -> c >= 0x20 && c != 0x7f || c == '\n' || c == '\r'
        || c == '\t'), what + " holds a raw control character:\n" + text);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> {
        try {
          Files.delete(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
