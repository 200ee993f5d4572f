package dev.fetch.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An earlier comparison to compare with ({@code --baseline OLD.json}): what {@link BaselineFile}
 * read from its {@code --export-json}, enough to compare every combination with its own past,
 * as {@code benchstat old new} does. Immutable.
 *
 * @param file the path as given
 * @param schema the export's schema, {@code fetch-compare/1} or {@code fetch-compare/2}
 * @param list the list's name then
 * @param listSha256 the list's SHA-256 then, or null (the first schema had none)
 * @param urls URL lines in the list then
 * @param environment where it ran
 * @param times each combination's usable run times in seconds (measured, no failed URL), by
 *     label, in the export's order
 */
public record Baseline(String file, String schema, String list, String listSha256, long urls,
    Environment environment, Map<String, List<Double>> times) {

  public Baseline {
    times = Collections.unmodifiableMap(new LinkedHashMap<>(times));
  }

  /**
   * Whether it measured the same list: the same SHA-256 when both have one, else the same name
   * and number of URLs.
   */
  public boolean sameList(String name, long urlCount, String sha256) {
    if (listSha256 != null && sha256 != null) {
      return listSha256.equals(sha256);
    }
    return list.equals(name) && urls == urlCount;
  }

  /** A combination's usable times then, or null when it was not compared. */
  public double[] timesOf(Combination combination) {
    List<Double> own = times.get(combination.label());
    return own == null ? null : own.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
