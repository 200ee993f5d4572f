package dev.fetch.compare.html;

import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Stats;
import java.util.List;

/**
 * Chart 1, {@code <svg id="chart-times">}: a horizontal bar per combination at its median run
 * time, a whisker over the median's confidence interval (order statistics: it never reaches
 * below the fastest run; absent with too few runs) and a dot at the mean.
 */
final class TimeChart {
  private static final int WIDTH = 960;
  private static final int LEFT = 150;
  private static final int RIGHT = 90;
  private static final int TOP = 10;
  private static final int ROW = 34;
  private static final int AXIS = 46;

  private TimeChart() {}

  static String render(Comparison comparison) {
    List<ComboResult> results = comparison.results();
    int bottom = TOP + ROW * results.size();
    double max = 0;
    for (ComboResult r : results) {
      Stats t = r.time();
      if (t.n() > 0) {
        max = Math.max(max, Math.max(t.max(), t.mean()));
      }
    }
    Scale x = Scale.zeroTo(max, LEFT, WIDTH - RIGHT, 8);
    StringBuilder svg = Svg.open("id=\"chart-times\"", WIDTH, bottom + AXIS,
        "Median run time per combination, with its " + comparison.confidence().label()
            + " interval and the mean");
    Svg.xAxis(svg, x, TOP, bottom, "run time (s)");
    for (int i = 0; i < results.size(); i++) {
      ComboResult r = results.get(i);
      double middle = TOP + i * ROW + ROW / 2.0;
      boolean reference = r.combination().equals(comparison.reference());
      Svg.text(svg, "row-label", LEFT - 10, middle + 4, "end",
          r.combination().label() + (reference ? " (ref)" : ""));
      if (r.time().n() == 0) {
        Svg.text(svg, "note", LEFT + 8, middle + 4, "start", "no run without failed URLs");
      } else {
        row(svg, x, middle, r, comparison.confidence().label());
      }
    }
    return Svg.close(svg);
  }

  private static void row(StringBuilder svg, Scale x, double middle, ComboResult r,
      String level) {
    Stats t = r.time();
    String label = r.combination().label();
    String interval = t.hasInterval()
        ? level + " interval " + Html.number(t.ciLow(), 3) + "–" + Html.seconds(t.ciHigh())
        : "too few runs for a " + level + " interval";
    svg.append("<rect class=\"median-bar m-").append(r.combination().mode()).append("\" x=\"")
        .append(Svg.n(x.from())).append("\" y=\"").append(Svg.n(middle - 9))
        .append("\" width=\"").append(Svg.n(Math.max(0, x.at(t.median()) - x.from())))
        .append("\" height=\"18\">")
        .append(Svg.title(label + ": median " + Html.seconds(t.median()) + ", " + interval
            + ", mean " + Html.seconds(t.mean()) + ", " + t.n() + " runs"))
        .append("</rect>\n");
    double right = x.at(t.median());
    if (t.hasInterval()) {
      double low = x.at(t.ciLow());
      double high = x.at(t.ciHigh());
      Svg.line(svg, "ci", low, middle, high, middle);
      Svg.line(svg, "ci", low, middle - 6, low, middle + 6);
      Svg.line(svg, "ci", high, middle - 6, high, middle + 6);
      right = Math.max(right, high);
    }
    double m = x.at(t.mean());
    svg.append("<circle class=\"mean\" cx=\"").append(Svg.n(m)).append("\" cy=\"")
        .append(Svg.n(middle)).append("\" r=\"4\">")
        .append(Svg.title(label + ": mean " + Html.seconds(t.mean()))).append("</circle>\n");
    Svg.text(svg, "value", Math.max(right, m + 4) + 8, middle + 4, "start",
        Html.seconds(t.median()));
  }
}
