package dev.fetch.download;

import java.util.Locale;

/**
 * What a successful result did with its URL. The lower-case {@link #wireName()} is part of the
 * stable output schema ({@code outcome} in JSON lines and CSV).
 */
public enum Outcome {
  /** The body was downloaded (saved when there is an output directory, else counted). */
  DOWNLOADED,
  /**
   * The local file was already current and kept: {@code 304 Not Modified} under
   * {@code -N/--timestamping}, or {@code 416} for a file already complete under
   * {@code --continue}. Shown as "up to date".
   */
  NOT_MODIFIED,
  /**
   * No request was made: the file exists and {@code --no-clobber} keeps it, or
   * {@code --skip-done} found the URL already downloaded.
   */
  SKIPPED;

  /** The name used in machine-readable output, e.g. {@code not_modified}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome whose {@link #wireName()} is {@code name}, or null. */
  public static Outcome ofWireName(String name) {
    for (Outcome outcome : values()) {
      if (outcome.wireName().equals(name)) {
        return outcome;
      }
    }
    return null;
  }
}
