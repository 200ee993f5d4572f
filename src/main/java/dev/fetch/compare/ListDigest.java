package dev.fetch.compare;

import dev.fetch.input.Input;
import dev.fetch.input.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a URL list's bytes, hex: how a later comparison knows that its
 * {@code --baseline} measured the same list, whatever the file was called. Reads a file as a
 * stream, in constant memory. Several inputs are digested as the bytes of one list, one after
 * the other (a URL argument as its line), so one file gives the same digest alone as
 * {@link #of(Path)}.
 */
public final class ListDigest {
  private ListDigest() {}

  /** The digest of {@code bytes} (a list read from standard input). */
  public static String of(byte[] bytes) {
    MessageDigest sha = sha256();
    return HexFormat.of().formatHex(sha.digest(bytes));
  }

  /**
   * The digest of {@code inputs} read one after the other, standard input being {@code stdin}.
   *
   * @throws PlanException when a file cannot be read
   */
  public static String of(Inputs inputs, byte[] stdin) {
    MessageDigest sha = sha256();
    for (Input input : inputs.all()) {
      if (input instanceof Input.ListFile) {
        update(sha, Path.of(((Input.ListFile) input).path()));
      } else if (input instanceof Input.Url) {
        sha.update((((Input.Url) input).text() + "\n").getBytes(StandardCharsets.UTF_8));
      } else if (input instanceof Input.RemoteList) {
        sha.update(((Input.RemoteList) input).content());
      } else {
        sha.update(stdin);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * The digest of the file {@code path}.
   *
   * @throws PlanException when it cannot be read
   */
  public static String of(Path path) {
    MessageDigest sha = sha256();
    update(sha, path);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, Path path) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(path)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new PlanException(path + ": cannot read the list (" + e.getMessage() + ")");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
