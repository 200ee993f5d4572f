package dev.fetch.output;

import dev.fetch.download.DownloadResult;
import dev.fetch.engine.RunListener;
import dev.fetch.engine.RunSummary;
import dev.fetch.engine.SetupException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The {@code --results} file: a journal of every result, one JSON object a line exactly as
 * {@code -f jsonl} prints it ({@link JsonLinesFormatter}), then the summary line when the run
 * ends, whatever the output format.
 *
 * <p>Appended to, never truncated: a second run with the same file adds its results after the
 * first's, so the file given to {@code --skip-done} is never destroyed. Each line is handed to the
 * operating system as one write when its result arrives, so a run killed (even with SIGKILL) loses
 * at most the line being written; before the first line, a file that ends inside a line (such a
 * run's) gets a line end, so that cut line stays a line of its own. A new file gets what the umask
 * allows, as {@code >>} redirection would.
 *
 * <p>A write that fails (a full disk) does not end the run: it is reported once on stderr,
 * {@code fetch: --results: cannot write FILE (reason)}, later results are not written, and
 * {@link #saved} is false. Used by the run's one reporting thread (see {@link RunListener}).
 */
public final class ResultsJournal implements RunListener, AutoCloseable {
  private final Path target;
  private final PrintWriter err;
  private final JsonLinesFormatter formatter = new JsonLinesFormatter();
  private FileChannel file;
  private boolean broken;

  /**
   * @param target the journal, opened (created if missing) by {@link #started}
   * @param err where a failure to write is reported
   */
  public ResultsJournal(Path target, PrintWriter err) {
    this.target = target;
    this.err = err;
  }

  /**
   * Opens the journal for appending.
   *
   * @throws SetupException if it cannot be opened
   */
  @Override
  public void started() {
    try {
      file = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      endLastLine();
    } catch (IOException e) {
      close();
      throw new SetupException("--results: cannot write " + target + " (" + reason(e) + ")", e);
    }
  }

  @Override
  public void accept(DownloadResult result, Duration sinceStart) {
    write(formatter.result(result));
  }

  /** Writes the summary line and closes the journal. */
  public void finish(RunSummary summary) {
    write(formatter.summary(summary));
    close();
  }

  /** Whether every line was written: false for good once a write failed. */
  public boolean saved() {
    return !broken;
  }

  /** Closes the journal if {@link #finish} did not; idempotent. */
  @Override
  public void close() {
    if (file == null) {
      return;
    }
    try {
      file.close();
    } catch (IOException e) {
      report(e);
    } finally {
      file = null;
    }
  }

  /** Adds a line end if the file ends inside a line. */
  private void endLastLine() throws IOException {
    long size = file.size();
    if (size == 0) {
      return;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    try (FileChannel reader = FileChannel.open(target, StandardOpenOption.READ)) {
      reader.read(last, size - 1);
    }
    if (last.get(0) != '\n') {
      writeFully(ByteBuffer.wrap(new byte[] {'\n'}));
    }
  }

  private void write(String line) {
    if (file == null || broken) {
      return;
    }
    try {
      writeFully(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      report(e);
    }
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      file.write(bytes);
    }
  }

  /** Says once that the journal cannot be written. */
  private void report(IOException e) {
    if (broken) {
      return;
    }
    broken = true;
    err.println(Terminal.safe("fetch: --results: cannot write " + target + " (" + reason(e)
        + ")"));
    err.flush();
  }

  private static String reason(IOException e) {
    String reason = e instanceof FileSystemException
        ? ((FileSystemException) e).getReason() : e.getMessage();
    return reason == null ? e.getClass().getSimpleName() : reason;
  }
}
