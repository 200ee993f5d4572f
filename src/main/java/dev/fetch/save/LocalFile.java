package dev.fetch.save;

import java.time.Instant;

/**
 * What the output directory holds for one request before it is sent: its file under the final
 * name and its kept partial body ({@code --continue}), each with its size, or -1 when absent.
 *
 * @param size the bytes of the file under the final name, or -1 when there is none
 * @param modified that file's modification time, or null when there is none
 * @param partialSize the bytes of the kept partial body, or -1 when there is none
 */
public record LocalFile(long size, Instant modified, long partialSize) {
  /** Nothing on disk (or a sink that saves nothing). */
  public static final LocalFile NONE = new LocalFile(-1, null, -1);

  public boolean exists() {
    return size >= 0;
  }

  public boolean hasPartial() {
    return partialSize >= 0;
  }

  /**
   * Where a resumed body would start, as {@code wget -c} does: after the partial body, else
   * after a complete file that is already there; 0 when there is neither.
   */
  public long resumeFrom() {
    if (hasPartial()) {
      return partialSize;
    }
    return Math.max(size, 0);
  }
}
