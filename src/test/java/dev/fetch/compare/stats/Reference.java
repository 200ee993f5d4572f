package dev.fetch.compare.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reference values for the statistics, stored as data in {@code stats/reference.json}: computed
 * once, outside fetch, by a throwaway Python script (its {@code source} field names the tools):
 * median intervals by SciPy's {@code quantile_test(...).confidence_interval}, Mann–Whitney
 * p-values by SciPy's {@code mannwhitneyu} (two-sided; exact without ties, else the normal
 * approximation with continuity correction), and the null distribution of U and the
 * Hodges–Lehmann intervals by enumerating every assignment of ranks. R is not installed here;
 * these are the values R's {@code wilcox.test} and SciPy agree on for these samples.
 */
final class Reference {
  private static final JsonNode ROOT = load();

  private Reference() {}

  static JsonNode get(String section) {
    return ROOT.get(section);
  }

  static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  private static JsonNode load() {
    try (InputStream in = Reference.class.getResourceAsStream("/stats/reference.json")) {
      if (in == null) {
        throw new IOException("no test resource /stats/reference.json");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
