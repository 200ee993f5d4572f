package dev.fetch.compare.export;

import dev.fetch.compare.ComboResult;
import dev.fetch.compare.Comparison;
import dev.fetch.compare.OutputTargets;
import dev.fetch.compare.html.HtmlReport;
import dev.fetch.output.ExportWriter;
import dev.fetch.trace.TraceExport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Comparison} to every target of an {@link OutputTargets} through the one
 * {@link ExportWriter}: JSON, CSV, Markdown, JUnit XML, the HTML report and the trace, in that
 * order. The formats are pure; this is the only place that picks one per target.
 */
public final class Exports {
  private Exports() {}

  /**
   * Writes every export {@code targets} names.
   *
   * @throws IOException from the first target that cannot be written; the ones before it are
   *     written
   */
  public static void writeAll(Comparison comparison, OutputTargets targets, ExportWriter writer)
      throws IOException {
    if (targets.json() != null) {
      writer.write(targets.json(), JsonExport.render(comparison));
    }
    if (targets.csv() != null) {
      writer.write(targets.csv(), CsvExport.render(comparison));
    }
    if (targets.markdown() != null) {
      writer.write(targets.markdown(), MarkdownExport.render(comparison));
    }
    if (targets.junit() != null) {
      writer.write(targets.junit(), JUnitExport.render(comparison));
    }
    if (targets.report() != null) {
      writer.write(targets.report(), HtmlReport.render(comparison));
    }
    if (targets.trace() != null) {
      writer.write(targets.trace(), trace(comparison));
    }
  }

  /** Chrome Trace Event JSON of the median run of every combination (as the report's). */
  static String trace(Comparison comparison) {
    List<TraceExport.Track> tracks = new ArrayList<>();
    for (ComboResult r : comparison.results()) {
      r.medianRun().ifPresent(run -> tracks.add(new TraceExport.Track(
          r.combination().label() + " (run " + run.sequence() + ", " + String.format(Locale.ROOT,
              "%.3f s", run.seconds()) + ")", run.urls())));
    }
    return TraceExport.render(tracks);
  }
}
