package dev.fetch.compare.html;

import java.util.Locale;

/** Writing data into HTML and SVG text: escaping and number formatting (always Locale.ROOT). */
final class Html {
  /** What a number that does not exist (no usable run) is shown as. */
  static final String MISSING = "–";

  private Html() {}

  /**
   * Escapes text for an element's content or a double- or single-quoted attribute value, in HTML
   * and in XML (SVG): only the five predefined entities are used.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '"': out.append("&quot;"); break;
        case '\'': out.append("&#39;"); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code value} with {@code decimals} decimals, or {@link #MISSING} when it is NaN/infinite. */
  static String number(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return MISSING;
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** A time in seconds, e.g. {@code 0.612 s}. */
  static String seconds(double value) {
    return Double.isFinite(value) ? number(value, 3) + " s" : MISSING;
  }
}
