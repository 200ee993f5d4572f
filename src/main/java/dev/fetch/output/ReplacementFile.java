package dev.fetch.output;

import dev.fetch.save.NewFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * How fetch replaces a file it writes (an export, a trace, the {@code --save-failed} list): the
 * content goes to a hidden temporary file beside the target, which is then renamed over it, so a
 * reader never sees half a file.
 *
 * <p>The file gets the permissions a plain write would give it, not {@code Files.createTempFile}'s
 * owner-only 0600: a new file gets what the umask allows (0666 less the umask, as curl's or
 * {@code >} redirection's), and a file being replaced keeps its own mode. The temporary file is
 * created without a mode, so the operating system applies the umask (the way
 * {@code save/DirectorySink} creates its files); when the target exists, its POSIX permissions are
 * copied onto the temporary file before any content is written. Ownership is not copied.
 */
final class ReplacementFile {
  private ReplacementFile() {}

  /**
   * Creates the empty temporary file for {@code target} (an absolute path), named
   * {@code .NAME.RANDOM.tmp} in the same directory, with the permissions described above.
   *
   * @throws IOException if it cannot be created or given the target's permissions; nothing is
   *     left behind then
   */
  static Path create(Path target) throws IOException {
    Path temp = createEmpty(target);
    try {
      copyPermissions(target, temp);
      return temp;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Renames {@code temp} over {@code target} atomically, replacing it. */
  static void moveIntoPlace(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path createEmpty(Path target) throws IOException {
    return NewFiles.createUnique(target.getParent(), "." + target.getFileName() + ".", ".tmp");
  }

  private static void copyPermissions(Path target, Path temp) throws IOException {
    if (Files.getFileAttributeView(target, PosixFileAttributeView.class) == null) {
      return; // not a POSIX file system: nothing to keep
    }
    Set<PosixFilePermission> mode;
    try {
      mode = Files.getPosixFilePermissions(target);
    } catch (NoSuchFileException e) {
      return; // a new file: the umask's mode it already has
    }
    Files.setPosixFilePermissions(temp, mode);
  }
}
