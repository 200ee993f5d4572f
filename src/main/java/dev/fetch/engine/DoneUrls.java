package dev.fetch.engine;

import dev.fetch.download.DownloadResult;
import dev.fetch.input.UrlEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The URLs that earlier runs finished, read from their results journals for {@code --skip-done}:
 * a URL is done when the last result recorded for it, in the order the journals are given and in
 * file order within each, is a success of any outcome (downloaded, up to date, skipped). URLs are
 * matched as recorded: credentials redacted, the form {@link UrlEntry#display()} gives, so a list
 * may be edited between runs.
 *
 * <p>A journal is JSON lines as {@code --results} or {@code -f jsonl} write them. A line cut short
 * at the end of a file (a run killed mid-write) is ignored silently; any other line that is not
 * a result (not JSON, a result without a URL) is ignored too, with one warning per file: skipping a
 * line can only make a URL be downloaded again, never skipped wrongly, and a journal appended to
 * after a crash holds the cut line in its middle. Summary lines are ignored.
 *
 * <p>Kept as 128-bit hashes ({@link UrlHashTable}): a journal of a million URLs takes about 32 MB
 * (docs/benchmarks.md). Immutable once read; thread-safe.
 */
public final class DoneUrls {
  /** No journal: nothing is done. */
  public static final DoneUrls NONE = new DoneUrls(new UrlHashTable(), 0);

  private final UrlHashTable urls;
  private final int done;

  private DoneUrls(UrlHashTable urls, int done) {
    this.urls = urls;
    this.done = done;
  }

  /**
   * Reads {@code journals} in order, each whole, before anything is downloaded.
   *
   * @param warnings told, once per journal that has any, how many lines were not results
   * @throws IOException naming the journal that cannot be read
   */
  public static DoneUrls read(List<Path> journals, Consumer<String> warnings) throws IOException {
    UrlHashTable urls = new UrlHashTable();
    for (Path journal : journals) {
      try (InputStream in = Files.newInputStream(journal)) {
        readJournal(in, journal.toString(), urls, warnings);
      } catch (IOException e) {
        throw new IOException(journal + ": " + reason(e), e);
      }
    }
    return new DoneUrls(urls, urls.countFlagged());
  }

  /** Reads one journal into {@code urls}. */
  static void readJournal(InputStream in, String name, UrlHashTable urls,
      Consumer<String> warnings) throws IOException {
    byte[] buffer = new byte[1 << 16];
    int start = 0;
    int end = 0;
    long lineNumber = 0;
    long malformed = 0;
    long firstMalformed = 0;
    while (true) {
      int newline = indexOf(buffer, start, end);
      if (newline < 0) {
        if (start > 0) {
          System.arraycopy(buffer, start, buffer, 0, end - start);
          end -= start;
          start = 0;
        } else if (end == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
          break;
        }
        end += read;
        continue;
      }
      lineNumber++;
      if (!record(JournalLine.parse(buffer, start, trimCarriageReturn(buffer, start, newline)),
          urls)) {
        malformed++;
        firstMalformed = firstMalformed == 0 ? lineNumber : firstMalformed;
      }
      start = newline + 1;
    }
    if (end > start) {
      lineNumber++;
      // The last line has no line end: a run killed mid-write. Complete, it counts; cut, it is
      // what a journal is expected to end with, and nothing to warn about.
      record(JournalLine.parse(buffer, start, trimCarriageReturn(buffer, start, end)), urls);
    }
    if (malformed > 0) {
      warnings.accept("--skip-done " + name + ": ignored " + malformed
          + (malformed == 1 ? " line" : " lines") + " that " + (malformed == 1 ? "is" : "are")
          + " not a result (the first: line " + firstMalformed + ")");
    }
  }

  /** Notes a result line; false for a malformed one. */
  private static boolean record(JournalLine line, UrlHashTable urls) {
    if (line.kind() == JournalLine.Kind.RESULT) {
      urls.put(line.url(), line.success());
    }
    return line.kind() != JournalLine.Kind.MALFORMED;
  }

  private static int indexOf(byte[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The length of the line from {@code start} to {@code end}, less a final {@code \r}. */
  private static int trimCarriageReturn(byte[] buffer, int start, int end) {
    return end > start && buffer[end - 1] == '\r' ? end - start - 1 : end - start;
  }

  private static String reason(IOException e) {
    String reason = e instanceof java.nio.file.FileSystemException
        ? ((java.nio.file.FileSystemException) e).getReason() : e.getMessage();
    return reason == null ? e.getClass().getSimpleName() : reason;
  }

  /** Whether {@code url} (as recorded: credentials redacted) was last recorded as a success. */
  public boolean isDone(String url) {
    return Boolean.TRUE.equals(urls.flag(url));
  }

  /** How many URLs are done. */
  public int count() {
    return done;
  }

  /** How many different URLs the journals recorded a result for. */
  public int recorded() {
    return urls.size();
  }

  /**
   * The run's stage that settles each valid entry whose URL is done as skipped, without a
   * request: its path is the one the run chose for it when a file is there (with that file's
   * size), else null. An entry already settled, or invalid, passes through unchanged.
   *
   * @param outputDir the run's output directory, or null when bodies are not saved
   */
  UnaryOperator<UrlEntry> skipping(Path outputDir) {
    return entry -> {
      if (!entry.isValid() || entry.settled() != null || !isDone(entry.display())) {
        return entry;
      }
      String path = null;
      long fileBytes = -1;
      if (outputDir != null && entry.path() != null) {
        Path file = outputDir.resolve(entry.path());
        try {
          fileBytes = Files.isRegularFile(file) ? Files.size(file) : -1;
          path = fileBytes < 0 ? null : entry.path();
        } catch (IOException e) {
          fileBytes = -1; // gone since: say nothing is there
        }
      }
      return entry.settledAs(
          DownloadResult.Success.skipped(entry.index(), entry.display(), path, fileBytes));
    };
  }
}
