package dev.fetch.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a settings file (netrc, cookies) whole, as UTF-8 text, refusing what could hang or
 * exhaust fetch before a single request: anything that is not a regular file (a FIFO, a device
 * such as {@code /dev/zero}, a directory), a file over a size limit, bytes that are not UTF-8.
 */
final class SmallTextFile {
  private SmallTextFile() {}

  /**
   * The text of {@code file}.
   *
   * @param shown how the file is named in messages
   * @param maxBytes the largest file accepted
   * @throws NoSuchFileException if it does not exist
   * @throws MalformedFileException saying why it cannot be used otherwise
   */
  static String read(Path file, String shown, long maxBytes) throws NoSuchFileException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(shown);
    }
    if (Files.isDirectory(file)) {
      throw new MalformedFileException(shown + ": is a directory");
    }
    if (!Files.isRegularFile(file)) {
      throw new MalformedFileException(shown + ": not a regular file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
    } catch (AccessDeniedException e) {
      throw new MalformedFileException(shown + ": permission denied", e);
    } catch (IOException e) {
      throw new MalformedFileException(shown + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (bytes.length > maxBytes) {
      throw new MalformedFileException(shown + ": larger than " + maxBytes + " bytes");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedFileException(shown + ":" + lineOfBadByte(bytes) + ": not UTF-8 text", e);
    }
  }

  /** The 1-based line of the first byte that is not valid UTF-8. */
  private static int lineOfBadByte(byte[] bytes) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        try {
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart));
        } catch (CharacterCodingException e) {
          return line;
        }
        line++;
        lineStart = i + 1;
      }
    }
    return line;
  }
}
