package dev.fetch.output;

import dev.fetch.log.Diagnostics;

/** Makes untrusted text (URLs, server messages) safe to print on a terminal. */
final class Terminal {
  private Terminal() {}

  /**
   * Replaces control characters (escape sequences, carriage returns, bells, C1 controls) with
   * their {@code \\uXXXX} form, so text from a server cannot move the cursor or restyle output;
   * see {@link Diagnostics#printable}.
   */
  static String safe(String text) {
    return Diagnostics.printable(text);
  }
}
