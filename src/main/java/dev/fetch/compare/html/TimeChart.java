package dev.fetch.compare.html;

import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Stats;
import java.util.List;

/**
 * Chart 1, {@code <svg id="chart-times">}: a horizontal bar per combination at its mean run time,
 * a whisker over the 95% confidence interval of the mean and a diamond at the median.
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
      if (r.time().n() > 0) {
        max = Math.max(max, Math.max(r.time().ciHigh(), r.time().median()));
      }
    }
    Scale x = Scale.zeroTo(max, LEFT, WIDTH - RIGHT, 8);
    StringBuilder svg = Svg.open("id=\"chart-times\"", WIDTH, bottom + AXIS,
        "Mean run time per combination, with the 95% confidence interval and the median");
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
        row(svg, x, middle, r);
      }
    }
    return Svg.close(svg);
  }

  private static void row(StringBuilder svg, Scale x, double middle, ComboResult r) {
    Stats t = r.time();
    String label = r.combination().label();
    svg.append("<rect class=\"mean m-").append(r.combination().mode()).append("\" x=\"")
        .append(Svg.n(x.from())).append("\" y=\"").append(Svg.n(middle - 9))
        .append("\" width=\"").append(Svg.n(Math.max(0, x.at(t.mean()) - x.from())))
        .append("\" height=\"18\">")
        .append(Svg.title(label + ": mean " + Html.seconds(t.mean()) + ", 95% CI "
            + Html.number(t.ciLow(), 3) + "–" + Html.seconds(t.ciHigh()) + ", median "
            + Html.seconds(t.median()) + ", " + t.n() + " runs"))
        .append("</rect>\n");
    double low = x.at(Math.max(0, t.ciLow()));
    double high = x.at(t.ciHigh());
    Svg.line(svg, "ci", low, middle, high, middle);
    Svg.line(svg, "ci", low, middle - 6, low, middle + 6);
    Svg.line(svg, "ci", high, middle - 6, high, middle + 6);
    double m = x.at(t.median());
    svg.append("<path class=\"median\" d=\"M").append(Svg.n(m)).append(' ')
        .append(Svg.n(middle - 7)).append(" L").append(Svg.n(m + 5)).append(' ')
        .append(Svg.n(middle)).append(" L").append(Svg.n(m)).append(' ')
        .append(Svg.n(middle + 7)).append(" L").append(Svg.n(m - 5)).append(' ')
        .append(Svg.n(middle)).append(" Z\">")
        .append(Svg.title(label + ": median " + Html.seconds(t.median()))).append("</path>\n");
    Svg.text(svg, "value", Math.max(high, m + 5) + 8, middle + 4, "start",
        Html.seconds(t.mean()));
  }
}
