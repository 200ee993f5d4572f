package dev.fetch.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --save-failed} file: failed URLs, one per line, ready to be fed back in.
 *
 * <p>Written to a hidden file beside the target and renamed over it when closed, so the target
 * may be the very list being read ({@code fetch list.txt --save-failed list.txt}) and a reader
 * never sees half a file. The file gets the permissions a plain write would give it: a new one
 * what the umask allows, a replaced one keeps its own mode (see {@link ReplacementFile}). Invalid
 * lines are left out: fed back, they would only fail again.
 *
 * <p>A write that fails (a full disk) does not stop the run: {@link #add} reports it by returning
 * false, later adds do nothing, and {@link #close} throws that first failure and leaves the target
 * untouched, never replaced by a partial list. Not thread-safe: used by the one reporting thread.
 */
public final class FailedList implements Closeable {
  /**
   * Makes the writer of the temporary file's stream: the seam through which a test makes writes
   * fail. The list closes the stream itself, even when closing the writer fails (on Java 17 an
   * {@code OutputStreamWriter} whose last flush fails leaves its stream open).
   */
  @FunctionalInterface
  interface Opener {
    Writer open(OutputStream file) throws IOException;
  }

  private final Path target;
  private final Path temp;
  private final OutputStream file;
  private final Writer writer;
  private IOException failure;
  private boolean closed;

  private FailedList(Path target, Path temp, OutputStream file, Writer writer) {
    this.target = target;
    this.temp = temp;
    this.file = file;
    this.writer = writer;
  }

  /**
   * Opens the list for {@code target}; the target itself is only replaced by {@link #close}.
   *
   * @throws IOException if the temporary file cannot be created beside the target
   */
  public static FailedList open(Path target) throws IOException {
    return open(target, file -> new BufferedWriter(new OutputStreamWriter(file,
        StandardCharsets.UTF_8)));
  }

  /** Opens the list with {@code opener} writing the temporary file. */
  static FailedList open(Path target, Opener opener) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = ReplacementFile.create(absolute);
    OutputStream file = null;
    try {
      file = Files.newOutputStream(temp);
      return new FailedList(absolute, temp, file, opener.open(file));
    } catch (IOException | RuntimeException e) {
      if (file != null) {
        file.close();
      }
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Adds {@code url} as a line.
   *
   * @return false if the list can no longer be written: this write failed, or an earlier one did
   *     (see {@link #failure})
   */
  public boolean add(String url) {
    if (failure != null) {
      return false;
    }
    try {
      writer.write(url);
      writer.write('\n');
      return true;
    } catch (IOException e) {
      failure = e;
      return false;
    }
  }

  /** The first write that failed, or null. */
  public IOException failure() {
    return failure;
  }

  /**
   * Puts the list in place of the target if every line was written; otherwise, or if the list
   * cannot be finished or renamed, deletes the temporary file and leaves the target as it was.
   * Idempotent.
   *
   * @throws IOException the first write failure, or why the list could not be put in place
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      try {
        writer.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
      } finally {
        closeQuietly(file);
      }
      if (failure != null) {
        throw failure;
      }
      ReplacementFile.moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void closeQuietly(OutputStream file) {
    try {
      file.close();
    } catch (IOException ignored) {
      // Closing the writer already reported what went wrong; this only frees the descriptor.
    }
  }
}
