package dev.fetch.download;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The digest a downloaded body must have: from {@code sha256=} on a list line or from a
 * {@code --checksum-file} in {@code sha256sum}/{@code sha512sum} format.
 *
 * @param algorithm the digest, as {@link java.security.MessageDigest} names it
 * @param hex the expected digest in lower-case hexadecimal
 */
public record Checksum(Algorithm algorithm, String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

  /** The digests fetch can check, with the length of their hexadecimal form. */
  public enum Algorithm {
    SHA256("SHA-256", 64),
    SHA512("SHA-512", 128);

    private final String javaName;
    private final int hexLength;

    Algorithm(String javaName, int hexLength) {
      this.javaName = javaName;
      this.hexLength = hexLength;
    }

    /** The name {@link java.security.MessageDigest#getInstance} takes. */
    public String javaName() {
      return javaName;
    }

    /** The name in lists and messages: {@code sha256}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The algorithm whose hexadecimal digest has {@code length} digits, or null. */
    public static Algorithm ofHexLength(int length) {
      for (Algorithm algorithm : values()) {
        if (algorithm.hexLength == length) {
          return algorithm;
        }
      }
      return null;
    }
  }

  public Checksum {
    if (algorithm == null || hex == null || hex.length() != algorithm.hexLength
        || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a " + algorithm + " digest");
    }
    hex = hex.toLowerCase(Locale.ROOT);
  }

  /**
   * The checksum {@code hex} stands for under {@code algorithm}, or null when it is not
   * {@code algorithm}'s number of hexadecimal digits.
   */
  public static Checksum parse(Algorithm algorithm, String hex) {
    if (hex == null || hex.length() != algorithm.hexLength || !HEX.matcher(hex).matches()) {
      return null;
    }
    return new Checksum(algorithm, hex);
  }

  /** {@code sha256:0123…}, as messages and the worker protocol write it. */
  @Override
  public String toString() {
    return algorithm.label() + ":" + hex;
  }

  /** The checksum written as {@link #toString()}, or null when {@code text} is not one. */
  public static Checksum ofString(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon < 0) {
      return null;
    }
    for (Algorithm algorithm : Algorithm.values()) {
      if (algorithm.label().equals(text.substring(0, colon))) {
        return parse(algorithm, text.substring(colon + 1));
      }
    }
    return null;
  }
}
