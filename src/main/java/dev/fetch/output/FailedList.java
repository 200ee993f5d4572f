package dev.fetch.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code --save-failed} file: failed URLs, one per line, ready to be fed back in.
 *
 * <p>Written to a hidden file beside the target and renamed over it when closed, so the target
 * may be the very list being read ({@code fetch list.txt --save-failed list.txt}) and a reader
 * never sees half a file. Invalid lines are left out: fed back, they would only fail again.
 * Not thread-safe: used by the one reporting thread.
 */
public final class FailedList implements Closeable {
  private final Path target;
  private final Path temp;
  private final BufferedWriter writer;

  private FailedList(Path target, Path temp, BufferedWriter writer) {
    this.target = target;
    this.temp = temp;
    this.writer = writer;
  }

  /** Opens the list for {@code target}; the target itself is only replaced by {@link #close}. */
  public static FailedList open(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".",
        ".tmp");
    return new FailedList(absolute, temp,
        Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
  }

  public void add(String url) {
    try {
      writer.write(url);
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + temp, e);
    }
  }

  /** Puts the list in place of the target. */
  @Override
  public void close() throws IOException {
    try {
      writer.close();
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
