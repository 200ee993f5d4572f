package dev.fetch.output;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks, before any work, that a file fetch will write can be written — without creating or
 * truncating it — so an unwritable {@code --trace}, {@code --save-failed} or export path is a
 * usage error up front, not a failure after the run.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /** Why {@code target} cannot be written, or null when it can. */
  public static String problem(String target) {
    Path path;
    try {
      path = Path.of(target).toAbsolutePath();
    } catch (InvalidPathException e) {
      return "not a valid path";
    }
    if (Files.isDirectory(path)) {
      return "it is a directory";
    }
    Path dir = path.getParent();
    if (dir == null) {
      return "no directory";
    }
    if (!Files.exists(dir)) {
      return "no such directory " + dir;
    }
    if (!Files.isDirectory(dir)) {
      return dir + " is not a directory";
    }
    if (!Files.isWritable(dir)) {
      return "directory " + dir + " is not writable";
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      return "not a regular file";
    }
    return null;
  }
}
