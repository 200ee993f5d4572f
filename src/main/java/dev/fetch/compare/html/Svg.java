package dev.fetch.compare.html;

import java.util.Locale;

/**
 * Small writers of SVG elements into a {@link StringBuilder}. The output is also well-formed XML;
 * every text argument is escaped here, so callers pass raw data.
 */
final class Svg {
  private Svg() {}

  /** Opens an {@code <svg>} element sized {@code width × height} with an accessible label. */
  static StringBuilder open(String idOrClass, int width, int height, String label) {
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg ").append(idOrClass)
        .append(" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n");
    return svg;
  }

  static String close(StringBuilder svg) {
    return svg.append("</svg>\n").toString();
  }

  /** A coordinate, with at most one decimal. */
  static String n(double value) {
    String s = String.format(Locale.ROOT, "%.1f", value);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  static void line(StringBuilder svg, String cls, double x1, double y1, double x2, double y2) {
    svg.append("<line class=\"").append(cls).append("\" x1=\"").append(n(x1))
        .append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\"/>\n");
  }

  /** A text element; {@code anchor} is start, middle or end. */
  static void text(StringBuilder svg, String cls, double x, double y, String anchor, String text) {
    svg.append("<text class=\"").append(cls).append("\" x=\"").append(n(x))
        .append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor).append("\">")
        .append(Html.escape(text)).append("</text>\n");
  }

  /** A tooltip: the {@code <title>} child of the element it describes. */
  static String title(String text) {
    return "<title>" + Html.escape(text) + "</title>";
  }

  /** A horizontal axis at {@code bottom}: ticks, labels, vertical grid lines up to {@code top}. */
  static void xAxis(StringBuilder svg, Scale x, double top, double bottom, String title) {
    for (double tick : x.ticks()) {
      double at = x.at(tick);
      line(svg, "grid", at, top, at, bottom);
      line(svg, "tick", at, bottom, at, bottom + 4);
      text(svg, "tick-label", at, bottom + 17, "middle", x.label(tick));
    }
    line(svg, "axis", x.from(), bottom, x.to(), bottom);
    text(svg, "axis-title", (x.from() + x.to()) / 2, bottom + 36, "middle", title);
  }

  /** A vertical axis at {@code left}: ticks, labels, horizontal grid lines up to {@code right}. */
  static void yAxis(StringBuilder svg, Scale y, double left, double right, String title) {
    for (double tick : y.ticks()) {
      double at = y.at(tick);
      line(svg, "grid", left, at, right, at);
      line(svg, "tick", left - 4, at, left, at);
      text(svg, "tick-label", left - 7, at + 4, "end", y.label(tick));
    }
    line(svg, "axis", left, y.from(), left, y.to());
    double middle = (y.from() + y.to()) / 2;
    svg.append("<text class=\"axis-title\" transform=\"rotate(-90)\" x=\"").append(n(-middle))
        .append("\" y=\"14\" text-anchor=\"middle\">").append(Html.escape(title))
        .append("</text>\n");
  }
}
