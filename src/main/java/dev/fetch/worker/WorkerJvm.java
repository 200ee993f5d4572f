package dev.fetch.worker;

import dev.fetch.log.Diagnostics;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How a worker process is started: the same {@code java} executable and class path as this JVM,
 * flags for a short-lived I/O worker, and a class-data-sharing (CDS) archive of the worker's
 * classes, made once and reused.
 *
 * <p>The flags: tiered compilation stops at C1 (a worker's hot code is I/O, C2 would compile it
 * too late to pay off), the serial collector (no GC threads to start), a 64 MB heap (bodies are
 * streamed in 64 KiB chunks), a smaller thread stack, no perf-data file, and JVM logging on
 * standard error, errors only (unified logging writes warnings to standard output by default,
 * which would sit in the message stream).
 *
 * <p>The archive lives where the launcher keeps its own: {@code $FETCH_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/fetch}, else {@code ~/.cache/fetch} (the system property
 * {@code dev.fetch.worker.cacheDir} overrides them all), named by a hash of the Java runtime
 * and the class path entries with their sizes and modification times, so a new jar or JDK makes
 * a new archive. When it is missing, the first worker of a run writes it at exit
 * ({@code -XX:ArchiveClassesAtExit}, JDK 13 and later) to a temporary name, moved into place by
 * {@link #adopt}; later workers map it ({@code -XX:SharedArchiveFile} with {@code -Xshare:auto},
 * so an unusable archive is silently ignored). If a worker started with an archive flag dies
 * before it is ready, {@link #archiveFailed()} turns the flags off for the rest of the run.
 * {@code -Ddev.fetch.worker.cds=false} turns them off altogether; so does a class path that is not
 * all jars (the JDK archives classes from jars only, and refuses to dump with a non-empty
 * directory on the class path).
 *
 * <p>When the launcher started this JVM with its own archive of fetch's classes (the system
 * property {@value #LAUNCHER_ARCHIVE}: an AppCDS archive, {@code .jsa}, or on Java 25 and later
 * an AOT cache, {@code .aot}), workers map that one instead and no worker archive is made: it
 * was trained on the same jar with the same JVM, and its classes are the workers' too. The same
 * fallback applies: a worker that cannot start with it turns it off for the rest of the run.
 *
 * <p>Thread-safe.
 */
public final class WorkerJvm {

  static final List<String> FLAGS = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-Xmx64m", "-Xss512k", "-XX:-UsePerfData", "-Xlog:disable",
      "-Xlog:all=error:stderr");
  /** The launcher's class-data archive, when it made one (see the class comment). */
  static final String LAUNCHER_ARCHIVE = "dev.fetch.cds.archive";
  /** System properties passed on to every worker, when this JVM has them. */
  private static final List<String> INHERITED = List.of(WorkerMain.TEST_HOOKS);

  private final String java;
  private final String classPath;
  private final Path archive;
  private final Path launcherArchive;
  private final AtomicBoolean dumpClaimed = new AtomicBoolean();
  private volatile boolean archiveOff;

  /**
   * @param archive the CDS archive to use or create, or null for none
   */
  WorkerJvm(String java, String classPath, Path archive) {
    this(java, classPath, archive, null);
  }

  /**
   * @param archive the CDS archive to use or create, or null for none
   * @param launcherArchive the launcher's archive to map instead, or null for none
   */
  WorkerJvm(String java, String classPath, Path archive, Path launcherArchive) {
    this.java = java;
    this.classPath = classPath;
    this.archive = archive;
    this.launcherArchive = launcherArchive;
  }

  /**
   * The last {@link #current()} and what it was made from; a new one is made when any of that
   * changes (tests set system properties).
   */
  private static volatile Current cached;

  private record Current(List<String> from, WorkerJvm jvm) {}

  /**
   * Workers like this JVM: its {@code java}, its class path, the cached archive. The same
   * instance while the properties and environment it is made from stay the same, so the
   * {@link WorkerSpares spares} started for a run are found by its {@link WorkerPool}, and a
   * run's archive decisions (the one dump, {@link #archiveFailed}) hold for the whole JVM.
   */
  public static WorkerJvm current() {
    List<String> from = new ArrayList<>();
    for (String name : List.of("java.class.path", "dev.fetch.worker.cds", LAUNCHER_ARCHIVE,
        "dev.fetch.worker.cacheDir", "user.home")) {
      from.add(String.valueOf(System.getProperty(name)));
    }
    from.add(String.valueOf(System.getenv("FETCH_CACHE_DIR")));
    from.add(String.valueOf(System.getenv("XDG_CACHE_HOME")));
    Current last = cached;
    if (last != null && last.from().equals(from)) {
      return last.jvm();
    }
    WorkerJvm made = make();
    cached = new Current(from, made);
    return made;
  }

  private static WorkerJvm make() {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      entries.add(Path.of(entry).toAbsolutePath().toString());
    }
    String classPath = String.join(File.pathSeparator, entries);
    boolean cds = !"false".equals(System.getProperty("dev.fetch.worker.cds"))
        && loadedFromJar()
        && entries.stream().allMatch(entry -> Files.isRegularFile(Path.of(entry)));
    Path launcherArchive = cds ? launcherArchive() : null;
    return new WorkerJvm(java, classPath,
        cds && launcherArchive == null ? archivePath(entries) : null, launcherArchive);
  }

  /** The launcher's archive, if it gave one that is there, else null. */
  private static Path launcherArchive() {
    String given = System.getProperty(LAUNCHER_ARCHIVE);
    if (given == null || !(given.endsWith(".jsa") || given.endsWith(".aot"))) {
      return null;
    }
    try {
      Path path = Path.of(given);
      return Files.isRegularFile(path) ? path : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether fetch's classes come from a jar. The JDK archives classes from jars only, and refuses
   * to dump an archive when the class path has a non-empty directory (as in a build's tests).
   */
  private static boolean loadedFromJar() {
    try {
      Path location = Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      return Files.isRegularFile(location);
    } catch (URISyntaxException | RuntimeException e) {
      return false;
    }
  }

  /**
   * A command line for one worker, the class path it runs with, and where it dumps the archive
   * at exit (or null). The class path travels in the {@code CLASSPATH} environment variable, not
   * on the command line, which stays short enough for {@code ps} and {@code ProcessHandle} to
   * show whole.
   */
  public record Launch(List<String> command, String classPath, Path dumpTo) {}

  /** @param verbose whether the worker writes debug lines ({@code -v}) */
  public Launch launch(boolean verbose) {
    return launch(verbose, false);
  }

  /**
   * @param verbose whether the worker writes debug lines ({@code -v})
   * @param progress whether it reports its bodies' progress ({@value WorkerMain#PROGRESS})
   */
  public Launch launch(boolean verbose, boolean progress) {
    List<String> command = new ArrayList<>();
    command.add(java);
    Path dumpTo = null;
    if (launcherArchive != null && !archiveOff) {
      if (launcherArchive.toString().endsWith(".aot")) {
        // -XX:AOTCache refuses any -Xshare option; its failures are logged under "aot".
        FLAGS.stream().filter(flag -> !flag.startsWith("-Xshare:")).forEach(command::add);
        // A cache this JVM cannot map is ignored; say nothing of it (FLAGS log errors).
        command.addAll(List.of("-XX:AOTCache=" + launcherArchive, "-Xlog:aot=off:stderr",
            "-Xlog:cds=off:stderr"));
      } else {
        command.addAll(FLAGS);
        command.addAll(List.of("-XX:SharedArchiveFile=" + launcherArchive,
            "-Xlog:cds=off:stderr"));
      }
    } else {
      command.addAll(FLAGS);
    }
    if (launcherArchive == null && archive != null && !archiveOff) {
      if (Files.isRegularFile(archive)) {
        command.add("-XX:SharedArchiveFile=" + archive);
      } else if (dumpClaimed.compareAndSet(false, true)) {
        dumpTo = archive.resolveSibling(archive.getFileName() + "."
            + ProcessHandle.current().pid() + ".tmp");
        command.add("-XX:ArchiveClassesAtExit=" + dumpTo);
      }
    }
    for (String name : INHERITED) {
      String value = System.getProperty(name);
      if (value != null) {
        command.add("-D" + name + "=" + value);
      }
    }
    command.add(WorkerMain.class.getName());
    if (verbose) {
      command.add(WorkerMain.VERBOSE);
    }
    if (progress) {
      command.add(WorkerMain.PROGRESS);
    }
    return new Launch(command, classPath, dumpTo);
  }

  /** Whether {@code launch} asked the JVM for class-data sharing. */
  boolean usesArchive(Launch launch) {
    return launch.command().stream().anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile=")
        || arg.startsWith("-XX:ArchiveClassesAtExit=") || arg.startsWith("-XX:AOTCache="));
  }

  /** Whether {@link #archiveFailed} turned the archive flags off. */
  boolean archiveIsOff() {
    return archiveOff;
  }

  /** A worker with archive flags could not start: start the rest of this run without them. */
  void archiveFailed(Diagnostics log) {
    if ((archive != null || launcherArchive != null) && !archiveOff) {
      log.debug(() -> "workers start without class-data sharing from now on");
    }
    archiveOff = true;
  }

  /**
   * Moves an archive a worker dumped at exit into place, once that worker has exited. Best
   * effort: failing to cache only costs the next run its speed-up.
   */
  void adopt(Path dumpTo, Diagnostics log) {
    try {
      if (Files.isRegularFile(dumpTo) && Files.size(dumpTo) > 0) {
        Files.move(dumpTo, archive, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        log.debug(() -> "saved the workers' class-data sharing archive " + archive);
      } else {
        Files.deleteIfExists(dumpTo);
      }
    } catch (IOException e) {
      log.debug(() -> "cannot save the class-data sharing archive " + archive + ": " + e);
    }
  }

  /** Where the archive for this runtime and class path lives, or null if no cache dir. */
  private static Path archivePath(List<String> classPath) {
    try {
      Path dir = cacheDir();
      Files.createDirectories(dir);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, System.getProperty("java.home"));
      update(digest, System.getProperty("java.vm.version"));
      for (String entry : classPath) {
        Path path = Path.of(entry);
        update(digest, entry);
        if (Files.exists(path)) {
          update(digest, Files.getLastModifiedTime(path) + "/" + Files.size(path));
        }
      }
      StringBuilder hex = new StringBuilder();
      byte[] hash = digest.digest();
      for (int i = 0; i < 12; i++) {
        hex.append(String.format("%02x", hash[i]));
      }
      return dir.resolve("worker-" + hex + ".jsa");
    } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
      // No cache directory: workers start without class-data sharing.
      return null;
    }
  }

  private static Path cacheDir() {
    String configured = System.getProperty("dev.fetch.worker.cacheDir");
    if (configured != null) {
      return Path.of(configured);
    }
    String fetchCache = System.getenv("FETCH_CACHE_DIR");
    if (fetchCache != null && !fetchCache.isEmpty()) {
      return Path.of(fetchCache);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      return Path.of(xdg, "fetch");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "fetch");
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }
}
