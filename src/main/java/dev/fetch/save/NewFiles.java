package dev.fetch.save;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates the hidden temporary files fetch writes before renaming them into place. Not
 * {@code Files.createTempFile}, which makes files only the owner can read: these get the
 * permissions the umask gives, as curl's and wget's files do. Thread-safe.
 */
public final class NewFiles {
  private NewFiles() {}

  /**
   * Creates an empty file named {@code prefix}, a random part and {@code suffix} in {@code dir},
   * one that did not exist before.
   *
   * @throws FileAlreadyExistsException if a hundred random names were all taken
   */
  public static Path createUnique(Path dir, String prefix, String suffix) throws IOException {
    for (int tries = 0; ; tries++) {
      Path file = dir.resolve(prefix
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + suffix);
      try {
        Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
        return file;
      } catch (FileAlreadyExistsException e) {
        if (tries == 100) {
          throw e;
        }
      }
    }
  }
}
