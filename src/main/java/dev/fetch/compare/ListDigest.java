package dev.fetch.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a URL list's bytes, hex: how a later comparison knows that its
 * {@code --baseline} measured the same list, whatever the file was called. Reads a file as a
 * stream, in constant memory.
 */
public final class ListDigest {
  private ListDigest() {}

  /** The digest of {@code bytes} (a list read from standard input). */
  public static String of(byte[] bytes) {
    MessageDigest sha = sha256();
    return HexFormat.of().formatHex(sha.digest(bytes));
  }

  /**
   * The digest of the file {@code path}.
   *
   * @throws PlanException when it cannot be read
   */
  public static String of(Path path) {
    MessageDigest sha = sha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(path)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new PlanException(path + ": cannot read the list (" + e.getMessage() + ")");
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
