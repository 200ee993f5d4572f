package dev.fetch.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The mode this JVM's umask gives a new file, found by creating one, as {@code touch} would: the
 * tests compare against it rather than assume a umask of 022.
 */
public final class Umask {
  private Umask() {}

  /** The mode, as {@code rw-r--r--}, of a file newly created in {@code dir} without a mode. */
  public static String modeOfANewFile(Path dir) throws IOException {
    Path probe = Files.createTempDirectory(dir, "umask-probe-").resolve("probe");
    try {
      Files.createFile(probe);
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(probe));
    } finally {
      Files.deleteIfExists(probe);
      Files.delete(probe.getParent());
    }
  }
}
