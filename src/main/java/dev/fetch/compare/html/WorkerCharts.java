package dev.fetch.compare.html;

import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import dev.fetch.strategy.Mode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Charts 2 and 3, {@code <svg id="chart-workers">} and {@code <svg id="chart-throughput">}: median
 * time and URLs per second against the worker count (log2 scale), one line per mode.
 */
final class WorkerCharts {
  private static final int WIDTH = 470;
  private static final int HEIGHT = 300;
  private static final int LEFT = 62;
  private static final int RIGHT = 18;
  private static final int TOP = 14;
  private static final int BOTTOM = 48;

  private WorkerCharts() {}

  /** Whether some mode was compared at two or more worker counts. */
  static boolean applies(Comparison comparison) {
    return byMode(comparison).values().stream()
        .anyMatch(rs -> rs.stream().map(r -> r.combination().workers()).distinct().count() > 1);
  }

  /** Both charts, side by side, and a legend of the modes. */
  static String render(Comparison comparison) {
    Map<Mode, List<ComboResult>> modes = byMode(comparison);
    StringBuilder html = new StringBuilder("<div class=\"charts\">\n");
    html.append(chart("chart-workers", "median run time (s)", modes,
        r -> r.time().median(), "Median run time against worker count", " s median"));
    html.append(chart("chart-throughput", "URLs per second", modes,
        ComboResult::urlsPerSecond, "Throughput against worker count", " URLs/s"));
    html.append("</div>\n<p class=\"legend\">");
    for (Mode mode : modes.keySet()) {
      html.append("<span class=\"swatch m-").append(mode).append("\"></span>")
          .append(Html.escape(mode.toString())).append(' ');
    }
    return html.append("</p>\n").toString();
  }

  private static String chart(String id, String yTitle, Map<Mode, List<ComboResult>> modes,
      ToDoubleFunction<ComboResult> value, String label, String unit) {
    int min = Integer.MAX_VALUE;
    int max = 1;
    double top = 0;
    for (List<ComboResult> rs : modes.values()) {
      for (ComboResult r : rs) {
        min = Math.min(min, r.combination().workers());
        max = Math.max(max, r.combination().workers());
        double v = value.applyAsDouble(r);
        top = Double.isFinite(v) ? Math.max(top, v) : top;
      }
    }
    Scale x = Scale.log2(Math.max(1, Math.min(min, max)), max, LEFT, WIDTH - RIGHT);
    Scale y = Scale.zeroTo(top, HEIGHT - BOTTOM, TOP, 5);
    StringBuilder svg = Svg.open("id=\"" + id + "\"", WIDTH, HEIGHT, label);
    Svg.xAxis(svg, x, TOP, HEIGHT - BOTTOM, "workers (log2 scale)");
    Svg.yAxis(svg, y, LEFT, WIDTH - RIGHT, yTitle);
    for (Map.Entry<Mode, List<ComboResult>> mode : modes.entrySet()) {
      List<ComboResult> points = new ArrayList<>();
      for (ComboResult r : mode.getValue()) {
        if (Double.isFinite(value.applyAsDouble(r))) {
          points.add(r);
        }
      }
      points.sort(Comparator.comparingInt(r -> r.combination().workers()));
      if (points.size() > 1) {
        svg.append("<polyline class=\"series m-").append(mode.getKey()).append("\" points=\"");
        for (ComboResult r : points) {
          svg.append(Svg.n(x.at(r.combination().workers()))).append(',')
              .append(Svg.n(y.at(value.applyAsDouble(r)))).append(' ');
        }
        svg.setLength(svg.length() - 1);
        svg.append("\"/>\n");
      }
      for (ComboResult r : points) {
        double v = value.applyAsDouble(r);
        svg.append("<circle class=\"point m-").append(mode.getKey()).append("\" cx=\"")
            .append(Svg.n(x.at(r.combination().workers()))).append("\" cy=\"")
            .append(Svg.n(y.at(v))).append("\" r=\"4.5\">")
            .append(Svg.title(r.combination().label() + ": " + Html.number(v, 3) + unit))
            .append("</circle>\n");
      }
    }
    return Svg.close(svg);
  }

  private static Map<Mode, List<ComboResult>> byMode(Comparison comparison) {
    Map<Mode, List<ComboResult>> modes = new LinkedHashMap<>();
    for (ComboResult r : comparison.results()) {
      modes.computeIfAbsent(r.combination().mode(), m -> new ArrayList<>()).add(r);
    }
    return modes;
  }
}
