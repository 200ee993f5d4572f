package dev.fetch.compare.html;

import static dev.fetch.compare.html.Html.escape;

import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.Environment;
import dev.fetch.compare.RunRecord;
import dev.fetch.compare.Stats;
import dev.fetch.compare.stats.MedianInterval;
import dev.fetch.compare.stats.RankSumDistribution;
import dev.fetch.compare.stats.Ratio;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code fetch compare --report FILE.html} page: one self-contained HTML5 document with the
 * verdict banner, a header, the summary table, inline SVG charts (median times with their
 * intervals, time and throughput against worker count, a timeline of each mode's best
 * combination) and the baseline comparison.
 *
 * <p>A pure function of the {@link Comparison}: no I/O, no clock, the same text for the same
 * record. The page loads nothing: no script, no external style, font or image, and a
 * Content-Security-Policy that forbids them so a browser would say so if one slipped in. Every
 * string from the data (list name, URLs, worker names, errors, warnings) is HTML-escaped; numbers
 * use {@code Locale.ROOT}.
 */
public final class HtmlReport {
  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";

  private HtmlReport() {}

  public static String render(Comparison comparison) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP)
        .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>fetch compare: ").append(escape(comparison.list()))
        .append("</title>\n<style>\n").append(ReportStyle.css()).append("</style>\n</head>\n")
        .append("<body>\n");
    html.append(VerdictBanner.render(comparison));
    header(html, comparison);
    summary(html, comparison);
    html.append("<h2>Run time per combination</h2>\n<p class=\"caption\">Bar: median of the ")
        .append("usable runs (measured, no failed URL); whisker: its ")
        .append(comparison.confidence().label()).append(" interval from order statistics ")
        .append("(none with too few runs); dot: mean.</p>\n")
        .append(TimeChart.render(comparison));
    html.append("<h2>Worker count</h2>\n");
    if (WorkerCharts.applies(comparison)) {
      html.append(WorkerCharts.render(comparison));
    } else {
      html.append("<p class=\"note\">No mode was compared at two or more worker counts, so ")
          .append("there is no chart against the worker count.</p>\n");
    }
    if (comparison.baseline() != null) {
      html.append(BaselineTable.render(comparison.baseline()));
    }
    timelines(html, comparison);
    return html.append("</body>\n</html>\n").toString();
  }

  private static void header(StringBuilder html, Comparison c) {
    Environment env = c.environment();
    html.append("<h1>fetch compare: ").append(escape(c.list()))
        .append("</h1>\n<dl class=\"meta\">\n");
    meta(html, "URLs", c.urls() + " (" + Html.number(c.bytes() / 1e6, 2) + " MB)");
    meta(html, "runs", c.runs() + " measured + " + c.warmup() + " warm-up per combination"
        + (c.warmupNote() == null ? "" : ". " + c.warmupNote()));
    meta(html, "statistics", "medians with " + c.confidence().label() + " intervals (order "
        + "statistics; Hodges–Lehmann for speed-ups); Mann–Whitney U test for differences");
    meta(html, "seed", Long.toString(c.seed()));
    meta(html, "reference", c.reference().label());
    meta(html, "environment", env.cores() + " cores, max heap "
        + Html.number(env.maxHeapBytes() / (1024.0 * 1024 * 1024), 1) + " GiB, Java "
        + env.java() + ", " + env.os());
    meta(html, "fetch", env.fetchVersion() + ", started " + env.timestamp());
    if (!c.bestWorkers().isEmpty()) {
      meta(html, "best worker count", c.bestWorkers().stream().map(b -> b.label())
          .collect(Collectors.joining(", ")));
    }
    html.append("</dl>\n");
    if (!c.warnings().isEmpty()) {
      html.append("<ul class=\"warnings\">\n");
      for (String warning : c.warnings()) {
        html.append("<li>").append(escape(warning)).append("</li>\n");
      }
      html.append("</ul>\n");
    }
  }

  private static void meta(StringBuilder html, String name, String value) {
    html.append("<dt>").append(escape(name)).append("</dt><dd>").append(escape(value))
        .append("</dd>\n");
  }

  private static void summary(StringBuilder html, Comparison c) {
    html.append("<h2>Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>combination</th>")
        .append("<th>median</th><th>").append(c.confidence().label()).append(" interval</th>")
        .append("<th>mean ± σ</th><th>min</th><th>max</th><th>URLs/s</th>")
        .append("<th>MB/s</th><th>failed runs</th><th>speed-up vs ")
        .append(escape(c.reference().label())).append("</th></tr></thead>\n<tbody>\n");
    for (ComboResult r : c.results()) {
      boolean reference = r.combination().equals(c.reference());
      Stats t = r.time();
      html.append(reference ? "<tr class=\"reference\">" : "<tr>")
          .append("<td>").append(escape(r.combination().label())).append("</td>");
      cell(html, Html.seconds(t.median()));
      cell(html, t.n() == 0 ? Html.MISSING : t.hasInterval()
          ? Html.number(t.ciLow(), 3) + "–" + Html.seconds(t.ciHigh())
          : "needs " + MedianInterval.runsNeeded(c.confidence()) + " runs");
      cell(html, t.n() == 0 ? Html.MISSING
          : Html.number(t.mean(), 3) + " ± " + Html.number(t.stddev(), 3) + " s");
      cell(html, Html.seconds(t.min()));
      cell(html, Html.seconds(t.max()));
      cell(html, Html.number(r.urlsPerSecond(), 1));
      cell(html, Html.number(r.megabytesPerSecond(), 2));
      cell(html, r.failedRuns() + " of " + r.measuredRuns());
      cell(html, reference ? "reference" : speedup(c, r.speedup()));
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void cell(StringBuilder html, String text) {
    html.append("<td class=\"num\">").append(escape(text)).append("</td>");
  }

  /**
   * {@code 4.92× (4.85–4.97)}, {@code ~ (p = 0.310)} when not significant, or the runs needed.
   */
  static String speedup(Comparison c, Ratio s) {
    if (s.n() == 0 || s.m() == 0) {
      return Html.MISSING;
    }
    if (!s.judgeable()) {
      return "needs " + RankSumDistribution.runsNeeded(c.confidence()) + " runs each";
    }
    if (!s.significant()) {
      return String.format(Locale.ROOT, "~ (p = %.3f)", s.pValue());
    }
    return Html.number(s.estimate(), 2) + "× (" + Html.number(s.low(), 2) + "–"
        + Html.number(s.high(), 2) + ")";
  }

  private static void timelines(StringBuilder html, Comparison c) {
    html.append("<h2>Timelines</h2>\n<p class=\"caption\">Each mode's best combination (lowest ")
        .append("median), in its median run: a lane per worker, a bar per URL (hover for ")
        .append("details); <span class=\"swatch failed\"></span>failed URLs; <span ")
        .append("class=\"swatch startup\"></span>a worker JVM's start-up (processes mode: until ")
        .append("its first download began); dashed line: the run's end. Each timeline has its ")
        .append("own time axis.</p>\n");
    for (ComboResult r : c.bestOfEachMode()) {
      html.append("<h3>").append(escape(r.combination().label()));
      Optional<RunRecord> run = r.medianRun();
      if (run.isEmpty()) {
        html.append("</h3>\n<p class=\"note\">No measured run.</p>\n");
        continue;
      }
      RunRecord shown = run.get();
      int workers = Timeline.lanes(shown).size();
      html.append(": run ").append(shown.sequence() + 1).append(" of the schedule (")
          .append(shown.usable() ? "the median run" : "no usable run; the first measured")
          .append("), ").append(escape(Html.seconds(shown.seconds()))).append(", ")
          .append(shown.urls().size()).append(" URLs on ").append(workers)
          .append(workers == 1 ? " lane" : " lanes");
      if (shown.failed() > 0) {
        html.append(", ").append(shown.failed()).append(" failed");
      }
      html.append("</h3>\n").append(Timeline.render(shown));
    }
  }
}
