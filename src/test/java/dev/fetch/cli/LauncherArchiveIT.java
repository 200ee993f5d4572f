package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.Cli;
import dev.fetch.testing.Commands;
import dev.fetch.testing.Launcher;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive (README, "Start-up"), on the Java that runs the tests (17 in
 * CI's first pass, 25 in its second: AppCDS, then the AOT cache): made once by a training run,
 * reused, made again for a changed jar; and an archive that is garbage, stale or from another
 * Java, or a cache directory that cannot be made, changes neither the results nor stderr.
 *
 * <p>Runs an installation of its own (the installed launcher beside a copy of the jar, so the
 * project's jar is never touched) with the cache in a temporary directory;
 * {@code FETCH_CDS_DEBUG} makes the launcher say what it does on stderr.
 */
class LauncherArchiveIT {
  private static final Pattern SAVED = Pattern.compile("fetch: cds: saved (\\S+)\n");

  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();
  private Path launcher;
  private Path jar;
  private Path cache;

  {
    server.setDispatcher(new TestSite());
  }

  @BeforeEach
  void install() throws IOException {
    launcher = dir.resolve("prefix/bin/fetch");
    jar = dir.resolve("prefix/lib/fetch.jar");
    Files.createDirectories(launcher.getParent());
    Files.createDirectories(jar.getParent());
    Files.copy(Launcher.projectDir().resolve("src/main/dist/bin/fetch"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.copy(Launcher.projectDir().resolve("target/fetch.jar"), jar);
    cache = dir.resolve("cache");
  }

  @Test
  void madeOnceByConcurrentFirstRunsReusedAndMadeAgainForAChangedJarNeverChangingAResult()
      throws Exception {
    Path list = ListFiles.onServer(dir, server, "/bytes/1000", "/bytes/2000", "/status/404");

    // Two first runs at once: one trains (the other goes without, or trains too), both run, and
    // one whole archive is left, under its final name.
    List<Process> firsts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path out = Files.createDirectories(dir.resolve("first" + i));
      ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "-m", "sequential", "-f",
          "csv", list.toString()).redirectOutput(out.resolve("out").toFile())
          .redirectError(out.resolve("err").toFile());
      builder.environment().clear();
      builder.environment().putAll(env());
      firsts.add(builder.start());
    }
    List<Cli.Result> first = new ArrayList<>();
    for (int i = 0; i < firsts.size(); i++) {
      assertTrue(firsts.get(i).waitFor(2, TimeUnit.MINUTES), "first run " + i + " finished");
      first.add(new Cli.Result(firsts.get(i).exitValue(),
          Files.readString(dir.resolve("first" + i + "/out")),
          Files.readString(dir.resolve("first" + i + "/err"))));
    }
    Cli.Result reference = first.get(0);
    assertEquals(ExitCodes.FAILURES, reference.exitCode(), reference.toString());
    assertOnlySummary(reference.err());
    assertSameRun(reference, first.get(1));
    assertEquals(1, archives().size(), names().toString());
    assertTrue(names().stream().noneMatch(name -> name.contains(".tmp")), names().toString());
    Path archive = archives().get(0);

    Cli.Result second = fetch(debug(), "--help");
    assertEquals("fetch: cds: using " + archive + "\n", second.err());
    assertEquals("", fetch(debug(), "--version").err(), "--version goes without the archive");
    assertSameRun(reference, fetch(env(), "-m", "sequential", "-f", "csv", list.toString()));
    byte[] trained = Files.readAllBytes(archive);

    // What the JVM refuses, silently: garbage, then an archive of another jar (the one above,
    // once the jar has changed), then one of another Java when this machine has one.
    byte[] garbage = new byte[64 * 1024];
    new Random(16).nextBytes(garbage);
    Files.write(archive, garbage);
    assertSameRun(reference, fetch(env(), "-m", "sequential", "-f", "csv", list.toString()));
    Cli.Result workers = fetch(env(), "-m", "processes", "-w", "2", "-f", "csv",
        list.toString());
    assertEquals(reference.exitCode(), workers.exitCode(), workers.toString());
    assertOnlySummary(workers.err());

    Files.setLastModifiedTime(jar, FileTime.fromMillis(
        Files.getLastModifiedTime(jar).toMillis() - TimeUnit.DAYS.toMillis(1)));
    Cli.Result changed = fetch(debug(), "--help");
    assertTrue(changed.err().contains("fetch: cds: training "), changed.err());
    Path remade = saved(changed);
    assertNotEquals(archive, remade);
    assertEquals(List.of(remade), archives(), "the old jar's archive is gone");

    Cli.Result verbose = fetch(env(), "-v", "-m", "processes", "-w", "1", list.toString());
    assertTrue(verbose.err().contains(remade.toString()), "the worker maps the launcher's "
        + "archive: " + verbose.err());
    assertFalse(verbose.err().contains("ArchiveClassesAtExit"), verbose.err());

    Files.write(remade, trained);
    assertSameRun(reference, fetch(env(), "-m", "sequential", "-f", "csv", list.toString()));
    Path foreign = otherJavaArchive();
    if (foreign != null) {
      Files.copy(foreign, remade, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertSameRun(reference, fetch(env(), "-m", "sequential", "-f", "csv", list.toString()));
    }
  }

  @Test
  void aCacheDirectoryThatCannotBeMadeOnlyCostsTheSpeedUp() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    Map<String, String> env = env();
    env.put("FETCH_CACHE_DIR", file.resolve("fetch").toString());
    Cli.Result result = Commands.run(dir, env, launcher.toString(), "--help");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().startsWith("Usage: fetch "), result.out());
    assertEquals("", result.err());

    env.put("FETCH_CDS", "0");
    env.put("FETCH_CDS_DEBUG", "1");
    env.put("FETCH_CACHE_DIR", cache.toString());
    Cli.Result off = Commands.run(dir, env, launcher.toString(), "--help");
    assertEquals("fetch: cds: off (FETCH_CDS=0)\n", off.err());
    assertFalse(Files.exists(cache));
  }

  private Cli.Result fetch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return Commands.run(dir, env, command.toArray(String[]::new));
  }

  private Map<String, String> env() {
    return new HashMap<>(Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString(),
        "JAVA_HOME", System.getProperty("java.home"), "FETCH_CACHE_DIR", cache.toString()));
  }

  private Map<String, String> debug() {
    Map<String, String> env = env();
    env.put("FETCH_CDS_DEBUG", "1");
    return env;
  }

  /** The same output as {@code reference} but for times, and on stderr only the summary. */
  private static void assertSameRun(Cli.Result reference, Cli.Result run) {
    assertEquals(reference.exitCode(), run.exitCode(), run.toString());
    assertOnlySummary(run.err());
    assertEquals(withoutTimes(reference.out()), withoutTimes(run.out()));
    assertEquals(withoutTimes(reference.err()), withoutTimes(run.err()));
  }

  /** With {@code -f csv} stderr has the summary line, and nothing from the JVM. */
  private static void assertOnlySummary(String err) {
    assertTrue(err.matches("\\d+ URLs in \\d+\\.\\d{3} s: [^\n]*\n"), err);
  }

  private static String withoutTimes(String csv) {
    return csv.replaceAll(",\\d+\\.\\d{3},", ",T,").replaceAll("worker-\\d+", "worker")
        .replaceAll("in \\d+\\.\\d{3} s", "in T s")
        .replaceAll("[0-9.]+ [kMG]?B/s", "R");
  }

  private static Path saved(Cli.Result result) {
    Matcher saved = SAVED.matcher(result.err());
    assertTrue(saved.find(), result.err());
    return Path.of(saved.group(1));
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.toString().matches(".*/main-.*\\.(jsa|aot)"))
          .collect(Collectors.toList());
    }
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  /**
   * An archive of this jar dumped by another Java 17 or newer installed beside this one (in
   * CI, Temurin 25 when the tests run on 17 and the other way round), or null if there is none.
   */
  private Path otherJavaArchive() throws Exception {
    Path home = Path.of(System.getProperty("java.home")).toRealPath();
    Path jvms = home.getParent();
    if (jvms == null || !Files.isDirectory(jvms)) {
      return null;
    }
    List<Path> others;
    try (Stream<Path> homes = Files.list(jvms)) {
      others = homes.filter(h -> Files.isExecutable(h.resolve("bin/java"))
          && Files.isRegularFile(h.resolve("release")) && !sameJava(h, home))
          .collect(Collectors.toList());
    }
    for (Path other : others) {
      Path archive = dir.resolve("other.jsa");
      Cli.Result dump = Commands.run(dir, Map.of(), other.resolve("bin/java").toString(),
          "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
          "-cp", jar.toString(), "dev.fetch.Main", "--version");
      if (dump.exitCode() == 0 && Files.isRegularFile(archive)) {
        return archive;
      }
    }
    return null;
  }

  private static boolean sameJava(Path candidate, Path home) {
    try {
      return candidate.toRealPath().equals(home);
    } catch (IOException e) {
      return true;
    }
  }
}
