package dev.fetch.http;

import dev.fetch.log.Diagnostics;

/**
 * Makes text that came from a server (a reason phrase, a header, OkHttp's message quoting one)
 * safe to put in a result: every control character, C0 and C1 (ESC, NUL, CR, LF, DEL, U+0085 …)
 * and the Unicode line and paragraph separators become their {@code \\uXXXX} form, so no output
 * format ever carries a raw control byte. The escaping is {@link Diagnostics#printable}, the one
 * used for every output; this adds the length cut for server text. Stateless.
 */
final class SafeText {
  private SafeText() {}

  /** {@code text} with its control characters escaped; null stays null. */
  static String of(String text) {
    return Diagnostics.printable(text);
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
    return Diagnostics.isControl(c);
  }
}
