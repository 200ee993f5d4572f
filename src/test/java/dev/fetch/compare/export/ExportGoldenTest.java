package dev.fetch.compare.export;

import dev.fetch.compare.Comparison;
import dev.fetch.compare.html.HtmlReport;
import dev.fetch.testing.Golden;
import dev.fetch.testing.SampleComparison;
import org.junit.jupiter.api.Test;

/**
 * Every export of the sample comparison — gates of every form, a baseline with a regression, a
 * failed run, too few runs for an interval — to the byte, against the checked-in golden files
 * (see {@link Golden} to update them after a deliberate change). A change to the JSON schema
 * ({@code docs/compare-json.md}) shows up here first.
 */
class ExportGoldenTest {
  private static final Comparison SAMPLE = SampleComparison.build();

  @Test
  void json() {
    Golden.assertMatches("compare.json", JsonExport.render(SAMPLE));
  }

  @Test
  void theBaselineItWasComparedWith() {
    Golden.assertMatches("baseline.json", SampleComparison.baselineJson());
  }

  @Test
  void text() {
    Golden.assertMatches("compare.txt", CompareTable.render(SAMPLE));
  }

  @Test
  void markdown() {
    Golden.assertMatches("compare.md", MarkdownExport.render(SAMPLE));
  }

  @Test
  void junit() {
    Golden.assertMatches("compare-junit.xml", JUnitExport.render(SAMPLE));
  }

  @Test
  void csv() {
    Golden.assertMatches("compare.csv", CsvExport.render(SAMPLE));
  }

  @Test
  void html() {
    Golden.assertMatches("compare.html", HtmlReport.render(SAMPLE));
  }

  @Test
  void trace() {
    Golden.assertMatches("compare-trace.json", Exports.trace(SAMPLE));
  }
}
