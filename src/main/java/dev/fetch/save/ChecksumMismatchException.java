package dev.fetch.save;

import dev.fetch.download.Checksum;
import java.io.IOException;

/** A body was read whole but its digest is not the one expected: kind {@code checksum}. */
public final class ChecksumMismatchException extends IOException {
  public ChecksumMismatchException(Checksum expected, String actualHex) {
    super(expected.algorithm().label() + " mismatch: expected " + expected.hex() + ", got "
        + actualHex);
  }
}
