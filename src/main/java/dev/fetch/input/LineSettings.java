package dev.fetch.input;

import dev.fetch.download.Checksum;

/**
 * Per-URL settings written after the URL on a list line ({@code URL out=NAME sha256=HEX}).
 *
 * @param out the file name (relative to the output directory) the body is saved under, or null
 *     for the name fetch chooses
 * @param checksum the digest the body must have, or null
 */
public record LineSettings(String out, Checksum checksum) {
  /** A line with nothing after its URL. */
  public static final LineSettings NONE = new LineSettings(null, null);
}
