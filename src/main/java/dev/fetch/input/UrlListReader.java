package dev.fetch.input;

import dev.fetch.download.Urls;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a URL list lazily, one {@link UrlEntry} per URL line, so a list of any length streams.
 *
 * <p>Blank lines and lines starting with {@code #} are skipped; surrounding white space, a
 * carriage return before the newline and a UTF-8 byte-order mark are removed. Every other line
 * becomes an entry: valid, or invalid with a reason (never dropped). A line is a URL, then
 * optionally settings ({@code out=NAME}, {@code sha256=HEX}, {@code sha512=HEX}) and a
 * {@code #} comment, separated by spaces or tabs ({@link ListLine}); a bad setting makes the
 * line invalid. Not thread-safe.
 */
public final class UrlListReader implements Iterator<UrlEntry>, Closeable {
  /** Bytes of one line kept before it counts as too long (the URL limit plus room for spaces). */
  private static final int MAX_LINE_BYTES = 4 * UrlValidator.MAX_LENGTH;

  private final String source;
  private final InputStream in;
  private final LineReader lines;
  private int nextIndex;
  private UrlEntry next;
  private boolean finished;

  /**
   * @param source how messages name this list: a path, or {@code <stdin>}
   * @param in the list's bytes, closed by {@link #close()}
   */
  public UrlListReader(String source, InputStream in) {
    this(source, in, 0);
  }

  /**
   * A reader whose entries are numbered from {@code firstIndex}: the list is one of several
   * inputs, and indexes run on from the inputs before it.
   */
  public UrlListReader(String source, InputStream in, int firstIndex) {
    this(source, in, firstIndex, new LineReader(in, MAX_LINE_BYTES));
  }

  private UrlListReader(String source, InputStream in, int firstIndex, LineReader lines) {
    this.source = source;
    this.in = in;
    this.lines = lines;
    this.nextIndex = firstIndex;
  }

  /**
   * A reader of a short list held in memory (a URL given as an argument), with a read buffer
   * its size rather than the usual 64 KiB: thousands of URL arguments cost no more than a list.
   */
  static UrlListReader ofBytes(String source, byte[] bytes, int firstIndex) {
    InputStream in = new ByteArrayInputStream(bytes);
    return new UrlListReader(source, in, firstIndex,
        new LineReader(in, MAX_LINE_BYTES, Math.min(bytes.length, 64 * 1024)));
  }

  public String source() {
    return source;
  }

  /**
   * @throws InputException if the list cannot be read
   */
  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      next = readEntry();
      finished = next == null;
    }
    return next != null;
  }

  @Override
  public UrlEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    UrlEntry entry = next;
    next = null;
    return entry;
  }

  /**
   * Reads the rest of the list and returns how many entries it had.
   *
   * @throws InputException if the list cannot be read
   */
  public long countRest() {
    long count = 0;
    for (; hasNext(); next()) {
      count++;
    }
    return count;
  }

  private UrlEntry readEntry() {
    try {
      for (LineReader.Line line; (line = lines.next()) != null; ) {
        UrlEntry entry = toEntry(line);
        if (entry != null) {
          return entry;
        }
      }
      return null;
    } catch (IOException e) {
      throw new InputException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  private UrlEntry toEntry(LineReader.Line line) {
    String text = line.text();
    if (line.number() == 1 && text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    text = text.strip();
    if (line.blank() || text.isEmpty() && line.problem() != LineReader.Problem.TOO_LONG
        || text.startsWith("#")) {
      return null;
    }
    switch (line.problem()) {
      case TOO_LONG:
        return invalid(line, "<" + line.length() + " bytes>",
            "line too long (" + line.length() + " bytes; the limit is "
                + UrlValidator.MAX_LENGTH + " characters)");
      case NOT_UTF8:
        return invalid(line, "<invalid UTF-8>", "not valid UTF-8");
      default:
        break;
    }
    ListLine.Parts parts = ListLine.split(text);
    UrlValidator.Verdict verdict = UrlValidator.check(parts.url());
    if (verdict.url() == null) {
      return invalid(line, Urls.displayRaw(text), verdict.problem());
    }
    if (parts.problem() != null) {
      return invalid(line, Urls.displayRaw(text), parts.problem());
    }
    return new UrlEntry(nextIndex++, source, line.number(), Urls.redact(verdict.url()),
        verdict.url(), null, parts.settings());
  }

  private UrlEntry invalid(LineReader.Line line, String display, String problem) {
    return new UrlEntry(nextIndex++, source, line.number(), display, null, problem);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
