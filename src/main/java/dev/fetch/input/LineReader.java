package dev.fetch.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on {@code \n}, holding at most {@code maxBytes} of any one line.
 *
 * <p>Each line is decoded as UTF-8 on its own, so one bad line cannot spoil the others. A longer
 * line is read past (and its length counted) without being kept. Not thread-safe.
 */
final class LineReader {
  /**
   * One physical line of input.
   *
   * @param text the decoded line; for a problem line, the kept bytes decoded leniently (invalid
   *     sequences replaced), so a caller can still tell a comment from a URL
   * @param blank whether every byte of the whole line was ASCII white space
   */
  record Line(int number, String text, long length, Problem problem, boolean blank) {}

  /** Why a line's text could not be kept. */
  enum Problem { NONE, TOO_LONG, NOT_UTF8 }

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer;
  private int position;
  private int limit;
  private int lineNumber;
  private byte[] line = new byte[256];

  LineReader(InputStream in, int maxBytes) {
    this(in, maxBytes, 64 * 1024);
  }

  /** @param bufferSize bytes read at once: less than the default for a short input in memory */
  LineReader(InputStream in, int maxBytes, int bufferSize) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.buffer = new byte[Math.max(1, bufferSize)];
  }

  /** Returns the next line without its terminator, or null at the end of the stream. */
  Line next() throws IOException {
    int kept = 0;
    long length = 0;
    boolean sawAnything = false;
    boolean blank = true;
    while (true) {
      if (position == limit && !fill()) {
        if (!sawAnything) {
          return null;
        }
        break;
      }
      sawAnything = true;
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      length++;
      blank &= b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0b;
      if (length <= maxBytes) {
        if (kept == line.length) {
          line = Arrays.copyOf(line, Math.min(maxBytes, line.length * 2));
        }
        line[kept++] = b;
      }
    }
    lineNumber++;
    if (length > maxBytes) {
      return new Line(lineNumber, lenient(kept), length, Problem.TOO_LONG, blank);
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line, 0, kept))
          .toString();
      return new Line(lineNumber, text, length, Problem.NONE, blank);
    } catch (CharacterCodingException e) {
      return new Line(lineNumber, lenient(kept), length, Problem.NOT_UTF8, blank);
    }
  }

  private String lenient(int kept) {
    return new String(line, 0, kept, StandardCharsets.UTF_8);
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer);
    if (read <= 0) {
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }
}
