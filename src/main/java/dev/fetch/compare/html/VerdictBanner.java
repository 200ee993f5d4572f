package dev.fetch.compare.html;

import static dev.fetch.compare.html.Html.escape;

import dev.fetch.compare.Comparison;
import dev.fetch.compare.Verdict;
import java.util.List;

/**
 * The report's verdict banner, first on the page: green when every check (gates and baseline
 * regressions) passed, red when one failed, with one line per check; nothing without checks.
 */
final class VerdictBanner {
  private VerdictBanner() {}

  static String render(Comparison c) {
    List<Verdict> all = c.verdicts();
    if (all.isEmpty()) {
      return "";
    }
    long failed = all.stream().filter(v -> !v.pass()).count();
    StringBuilder html = new StringBuilder("<section class=\"verdict ")
        .append(failed == 0 ? "pass" : "fail").append("\">\n<p class=\"headline\">")
        .append(failed == 0 ? (all.size() == 1 ? "The check passed"
            : "All " + all.size() + " checks passed")
            : failed + " of " + all.size() + " checks failed").append("</p>\n<ul>\n");
    for (Verdict v : all) {
      html.append("<li class=\"").append(v.pass() ? "pass" : "fail").append("\"><strong>")
          .append(v.pass() ? "PASS" : "FAIL").append("</strong> <code>").append(escape(v.expr()))
          .append("</code>: ").append(escape(v.reason())).append("</li>\n");
    }
    return html.append("</ul>\n</section>\n").toString();
  }
}
