package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fetch.testing.Cli;
import dev.fetch.testing.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./fetch} building its jar on first use, in a copy of the source tree
 * (so the project's own jar is never touched): a long test (a whole Maven build), run by
 * {@code mvn -B -Psoak test}.
 */
@Tag("soak")
class LauncherBuildTest {
  @TempDir Path dir;

  @Test
  void buildsOnFirstUseWithoutAnEscapeCodeThenRunsWithoutBuilding() throws Exception {
    assumeTrue(Commands.installed("mvn"), "Maven is not on the PATH");
    Path project = Path.of("").toAbsolutePath();
    Path tree = Files.createDirectory(dir.resolve("fetch"));
    for (String part : new String[] {"pom.xml", "fetch", ".mvn", "src/main"}) {
      copy(project.resolve(part), tree.resolve(part));
    }
    Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "HOME",
        System.getProperty("user.home"), "JAVA_HOME", System.getProperty("java.home"));

    Cli.Result first = Commands.run(dir, env, tree.resolve("fetch").toString(), "--version");

    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.out().startsWith("fetch "), first.out());
    assertTrue(first.err().startsWith("fetch: building "), first.err());
    assertFalse(first.err().contains("\u001b"), "no escape code from Maven: " + first.err());
    assertFalse(Files.exists(tree.resolve("target/man")), "the quick build makes only the jar");

    Cli.Result second = Commands.run(dir, env, tree.resolve("fetch").toString(), "--version");
    assertEquals(0, second.exitCode(), second.toString());
    assertEquals("", second.err(), "the jar is up to date");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
