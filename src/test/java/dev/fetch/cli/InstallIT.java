package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.Cli;
import dev.fetch.testing.Commands;
import dev.fetch.testing.Launcher;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/fetch-VERSION.tar.gz} as a user installs it: unpacked with tar into a prefix,
 * then run from there with a {@code PATH} that has no Maven (only bash and the few tools the
 * launcher uses) and Java from {@code JAVA_HOME}.
 */
class InstallIT {
  private static final List<String> LAYOUT = List.of("bin/fetch", "lib/fetch.jar",
      "share/man/man1/fetch.1", "share/bash-completion/completions/fetch");

  @TempDir Path dir;
  private Path prefix;
  private Map<String, String> env;

  @BeforeEach
  void unpack() throws Exception {
    String version = System.getProperty("fetch.version");
    Path tarball = Launcher.projectDir().resolve("target/fetch-" + version + ".tar.gz");
    assertTrue(Files.isRegularFile(tarball), tarball + " was built");
    prefix = Files.createDirectory(dir.resolve("prefix"));
    Cli.Result tar = Commands.run(dir, Map.of("PATH", System.getenv("PATH")), "tar", "-xzf",
        tarball.toString(), "-C", prefix.toString());
    assertEquals(0, tar.exitCode(), tar.toString());

    Path tools = Files.createDirectory(dir.resolve("tools"));
    for (String tool : List.of("bash", "readlink", "dirname")) {
      Files.createSymbolicLink(tools.resolve(tool), which(tool));
    }
    env = new HashMap<>(Map.of("PATH", tools.toString(), "HOME", dir.toString(),
        "JAVA_HOME", System.getProperty("java.home")));
  }

  /** The links point outside the temporary directory: removed here, not left to JUnit. */
  @AfterEach
  void removeLinks() throws Exception {
    for (String link : List.of("tools/bash", "tools/readlink", "tools/dirname", "links/fetch")) {
      Files.deleteIfExists(dir.resolve(link));
    }
  }

  @Test
  void theTarballHasTheInstalledLayout() throws Exception {
    for (String file : LAYOUT) {
      assertTrue(Files.isRegularFile(prefix.resolve(file)), file);
    }
    assertTrue(Files.isExecutable(prefix.resolve("bin/fetch")));
    Cli.Result listing = Commands.run(dir, Map.of("PATH", System.getenv("PATH")), "tar",
        "-tzf", Launcher.projectDir().resolve("target/fetch-" + System.getProperty(
            "fetch.version") + ".tar.gz").toString());
    for (String entry : listing.out().split("\n")) {
      String file = entry.replaceFirst("^\\./", "");
      assertTrue(file.endsWith("/") || LAYOUT.contains(file)
          || file.matches("share/man/man1/fetch-[a-z]+\\.1"), "unexpected entry " + entry);
    }
  }

  @Test
  void runsWithNoMavenOnThePath() throws Exception {
    Cli.Result noMaven = Commands.run(dir, env, dir.resolve("tools/bash").toString(), "-c",
        "command -v mvn");
    assertNotEquals(0, noMaven.exitCode(), "mvn is not on the PATH: " + noMaven);

    Cli.Result version = Commands.run(dir, env, prefix.resolve("bin/fetch").toString(),
        "--version");
    assertEquals(0, version.exitCode(), version.toString());
    assertTrue(version.out().startsWith("fetch " + System.getProperty("fetch.version") + "\n"),
        version.out());

    Cli.Result demo = Commands.run(dir, env, prefix.resolve("bin/fetch").toString(), "demo",
        "--runs", "1", "--delay", "20", "--report", "demo.html");
    assertEquals(0, demo.exitCode(), demo.toString());
    assertTrue(demo.out().contains("processes:5"), "worker JVMs start from the installed jar: "
        + demo.out());
    assertTrue(Files.size(dir.resolve("demo.html")) > 0);
  }

  @Test
  void findsItsJarWhereverItIsMovedAndThroughALink() throws Exception {
    Path moved = Files.move(prefix, dir.resolve("elsewhere"));
    Path links = Files.createDirectory(dir.resolve("links"));
    Files.createSymbolicLink(links.resolve("fetch"), moved.resolve("bin/fetch"));

    Cli.Result linked = Commands.run(dir, env, links.resolve("fetch").toString(), "--version");

    assertEquals(0, linked.exitCode(), linked.toString());
    assertTrue(linked.out().startsWith("fetch "), linked.out());
  }

  @Test
  void aMissingJarIsSaidPlainly() throws Exception {
    Files.delete(prefix.resolve("lib/fetch.jar"));

    Cli.Result result = Commands.run(dir, env, prefix.resolve("bin/fetch").toString(),
        "--version");

    assertEquals(ExitCodes.INTERNAL_ERROR, result.exitCode(), result.toString());
    assertEquals("fetch: " + prefix.resolve("lib/fetch.jar") + " is missing: unpack the whole "
        + "tarball, bin/ and lib/ side by side\n", result.err());
  }

  @Test
  void theInstalledCompletionIsWhatFetchPrints() throws Exception {
    Cli.Result printed = Commands.run(dir, env, prefix.resolve("bin/fetch").toString(),
        "completion", "bash");

    assertEquals(0, printed.exitCode(), printed.toString());
    assertEquals(printed.out(), Files.readString(prefix.resolve(
        "share/bash-completion/completions/fetch")));
  }

  /** man-db looks for pages beside each bin directory of the PATH: no MANPATH needed. */
  @Test
  void manFindsThePageFromThePath() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Commands.installed("man"),
        "man is not installed (.ci/run installs man-db)");
    Cli.Result man = Commands.run(dir, Map.of("PATH", prefix.resolve("bin") + File.pathSeparator
        + System.getenv("PATH"), "HOME", dir.toString(), "MANPAGER", "cat", "MANWIDTH", "80"),
        "man", "fetch");

    assertEquals(0, man.exitCode(), man.toString());
    assertTrue(man.out().startsWith("FETCH(1)"), man.out());
    assertFalse(man.out().contains("\u001b"), man.out());
  }

  private static Path which(String program) {
    for (String path : System.getenv("PATH").split(File.pathSeparator)) {
      Path candidate = Path.of(path, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(program + " is not on the PATH");
  }
}
