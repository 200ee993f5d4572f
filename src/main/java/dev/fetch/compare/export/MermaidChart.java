package dev.fetch.compare.export;

import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Mermaid {@code xychart-beta} of the median time per combination, in a fenced block: GitHub
 * renders it in Markdown, job summaries included. Combinations without a usable run are left
 * out; with none at all there is no chart. Labels are combination labels ({@code MODE:N}), which
 * hold no quote. Pure.
 */
final class MermaidChart {
  private MermaidChart() {}

  /** The fenced chart, or the empty string when no combination has a median. */
  static String render(Comparison c) {
    List<ComboResult> drawn = c.results().stream().filter(r -> r.time().n() > 0).toList();
    if (drawn.isEmpty()) {
      return "";
    }
    double max = drawn.stream().mapToDouble(r -> r.time().median()).max().orElse(1);
    return "```mermaid\nxychart-beta\n"
        + "    title \"Median run time per combination\"\n"
        + "    x-axis [" + drawn.stream().map(r -> "\"" + r.combination().label() + "\"")
            .collect(Collectors.joining(", ")) + "]\n"
        + "    y-axis \"seconds\" 0 --> " + plain(top(max)) + "\n"
        + "    bar [" + drawn.stream().map(r -> plain(round(r.time().median())))
            .collect(Collectors.joining(", ")) + "]\n"
        + "```\n";
  }

  /** A round axis top a little above {@code max}: two significant digits. */
  static BigDecimal top(double max) {
    double step = Math.pow(10, Math.floor(Math.log10(max)) - 1);
    return round(Math.ceil(max * 1.1 / step) * step);
  }

  private static BigDecimal round(double value) {
    return new BigDecimal(value).setScale(3, RoundingMode.HALF_UP);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
