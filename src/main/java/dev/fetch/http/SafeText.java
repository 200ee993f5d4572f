package dev.fetch.http;

/**
 * Makes text that came from a server (a reason phrase, a header, OkHttp's message quoting one)
 * safe to put in a result: every control character, C0 and C1 (ESC, NUL, CR, LF, DEL, U+0085 …)
 * and the Unicode line and paragraph separators become their {@code \\uXXXX} form, so no output
 * format ever carries a raw control byte. Stateless.
 */
final class SafeText {
  private SafeText() {}

  /** {@code text} with its control characters escaped; null stays null. */
  static String of(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = isControl(c);
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

  /**
   * {@link #of} of {@code text}'s first {@code max} characters, followed by {@code ...} when
   * there were more: a header or status line a server made huge stays one short line.
   */
  static String of(String text, int max) {
    if (text == null || text.length() <= max) {
      return of(text);
    }
    return of(text.substring(0, max)) + "...";
  }

  /** Whether {@code c} is a control character as {@link #of} escapes them. */
  static boolean isControl(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }
}
