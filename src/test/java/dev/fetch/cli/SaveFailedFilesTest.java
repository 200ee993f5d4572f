package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fetch.testing.Cli;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.Umask;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files fetch writes beside a run, on real files: {@code --save-failed} keeps the mode of the
 * list it replaces, a new {@code --trace} or compare export gets the umask's mode, and a full disk
 * under {@code --save-failed} is reported without ending the run. The failing URLs point at a
 * closed port on 127.0.0.1.
 */
class SaveFailedFilesTest {
  private static final String REFUSED = "http://127.0.0.1:1/";

  @TempDir Path dir;

  @Test
  void saveFailedOverTheListKeepsTheListsMode() throws IOException {
    for (String mode : List.of("rw-------", "rw-rw-rw-")) {
      Path list = ListFiles.write(dir, List.of(REFUSED + "a", REFUSED + "b"));
      Files.setPosixFilePermissions(list, PosixFilePermissions.fromString(mode));

      Cli.Result run = Cli.run("--retries", "0", "-q", list.toString(), "--save-failed",
          list.toString());

      assertEquals(ExitCodes.FAILURES, run.exitCode(), run.toString());
      assertEquals(List.of(REFUSED + "a", REFUSED + "b"), Files.readAllLines(list).stream()
          .sorted().collect(Collectors.toList()));
      assertEquals(mode, mode(list), "the list keeps its own mode");
    }
  }

  @Test
  void aNewTraceOrCompareExportGetsTheUmasksMode() throws IOException {
    String expected = Umask.modeOfANewFile(dir);
    Path list = ListFiles.write(dir, List.of(REFUSED + "a"));
    Path trace = dir.resolve("trace.json");
    Path failed = dir.resolve("failed.txt");
    Cli.Result run = Cli.run("--retries", "0", "-q", "--trace", trace.toString(),
        "--save-failed", failed.toString(), list.toString());
    assertEquals(ExitCodes.FAILURES, run.exitCode(), run.toString());
    Path json = dir.resolve("compare.json");
    Path html = dir.resolve("compare.html");
    Cli.Result compare = Cli.run("compare", list.toString(), "--modes", "threads", "--runs",
        "1", "--warmup", "0", "--seed", "1", "-q", "--export-json", json.toString(),
        "--report", html.toString());
    assertEquals(ExitCodes.FAILURES, compare.exitCode(), "its one URL fails: " + compare);

    for (Path file : List.of(trace, failed, json, html)) {
      assertEquals(expected, mode(file), file + " has the umask's mode, not owner-only");
    }
    if (expected.equals("rw-r--r--")) {
      assertEquals("rw-r--r--", mode(trace), "0644 under umask 022");
    }
  }

  @Test
  void aFullDiskUnderSaveFailedIsReportedAndTheRunGoesOn() throws Exception {
    Path mount = Files.createDirectories(dir.resolve("small-disk"));
    Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs",
        mount.toString()).redirectErrorStream(true).start();
    assumeTrue(mounting.waitFor() == 0, "cannot mount a small tmpfs here (needs root): "
        + new String(mounting.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    try {
      Path target = Files.writeString(mount.resolve("failed.txt"), "http://old.test/\n");
      fill(mount.resolve("filler"));
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        lines.add(REFUSED + i);
      }
      Path list = ListFiles.write(dir, lines);

      Cli.Result run = Cli.run("--retries", "0", "-q", list.toString(), "--save-failed",
          target.toString());

      assertEquals(ExitCodes.FAILURES, run.exitCode(), run.toString());
      assertTrue(run.err().contains("fetch: --save-failed: cannot write " + target
          + " (No space left on device)"), run.toString());
      assertTrue(run.out().contains("20 URLs in "), "the summary is printed: " + run);
      assertEquals("http://old.test/\n", Files.readString(target), "the target is untouched");
      try (Stream<Path> files = Files.list(mount)) {
        assertEquals(List.of("failed.txt", "filler"), files.map(p -> p.getFileName().toString())
            .sorted().collect(Collectors.toList()), "no temporary file is left");
      }
    } finally {
      new ProcessBuilder("umount", mount.toString()).start().waitFor();
    }
  }

  /** Writes to {@code file} until the disk is full. */
  private static void fill(Path file) {
    byte[] block = new byte[1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      // the disk is full
    }
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
