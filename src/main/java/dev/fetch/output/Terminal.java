package dev.fetch.output;

/** Makes untrusted text (URLs, server messages) safe to print on a terminal. */
final class Terminal {
  private Terminal() {}

  /**
   * Replaces control characters (escape sequences, carriage returns, bells, C1 controls) with
   * their {@code \\uXXXX} form, so text from a server cannot move the cursor or restyle output.
   */
  static String safe(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (control && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (control) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
