package dev.fetch.compare.html;

import static dev.fetch.compare.html.Html.escape;

import dev.fetch.compare.BaselineReport;
import dev.fetch.compare.BaselineRow;
import dev.fetch.compare.stats.Ratio;
import java.util.Locale;

/**
 * The report's section on {@code --baseline}: each combination's median then and now, the change
 * with its interval and p-value ({@code ~} when not significant), and what differs in the
 * environment.
 */
final class BaselineTable {
  private BaselineTable() {}

  static String render(BaselineReport b) {
    StringBuilder html = new StringBuilder("<h2>Against the baseline</h2>\n<p class=\"caption\">")
        .append(escape(b.baseline().file())).append(" (").append(escape(b.baseline().schema()))
        .append(", started ").append(escape(b.baseline().environment().timestamp()))
        .append("). Change: today's median time over the baseline's, with the interval of the ")
        .append("ratio; ~ when the difference is not significant.</p>\n")
        .append("<table class=\"summary baseline\">\n<thead><tr><th>combination</th>")
        .append("<th>baseline median</th><th>median</th><th>change</th><th>interval</th>")
        .append("<th>p</th><th>runs</th></tr></thead>\n<tbody>\n");
    for (BaselineRow row : b.rows()) {
      Ratio c = row.change();
      html.append("<tr><td>").append(escape(row.combination().label())).append("</td>");
      cell(html, Html.seconds(row.before().median()));
      cell(html, Html.seconds(row.after().median()));
      if (!row.inBaseline()) {
        html.append("<td colspan=\"4\">not in the baseline</td></tr>\n");
        continue;
      }
      cell(html, !c.judgeable() ? Html.MISSING : !c.significant() ? "~"
          : String.format(Locale.ROOT, "%+.1f%%", (c.estimate() - 1) * 100));
      cell(html, !c.judgeable() ? Html.MISSING : String.format(Locale.ROOT,
          "%+.1f%% to %+.1f%%", (c.low() - 1) * 100, (c.high() - 1) * 100));
      cell(html, Html.number(c.pValue(), 3));
      cell(html, c.n() + " and " + c.m());
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    if (!b.differences().isEmpty()) {
      html.append("<ul class=\"differences\">\n");
      b.differences().forEach(d -> html.append("<li>").append(escape(d)).append("</li>\n"));
      html.append("</ul>\n");
    }
    return html.toString();
  }

  private static void cell(StringBuilder html, String text) {
    html.append("<td class=\"num\">").append(escape(text)).append("</td>");
  }
}
