package dev.fetch.compare;

import java.util.List;
import java.util.Objects;

/**
 * A comparison against its baseline ({@code --baseline}): what differs in the environment, and
 * every combination against its own past.
 *
 * @param sameList whether the baseline measured the same list (when not, the comparison was
 *     allowed with {@code --allow-different-list})
 * @param differences what changed since, for the reader: {@code cores: 4 then, 2 now}, the list,
 *     combinations the baseline had that are not compared now
 * @param rows one per compared combination, in the comparison's order
 * @param maxRegression the slow-down allowed, as a fraction (0.1 for 10%); NaN without
 *     {@code --max-regression}
 */
public record BaselineReport(Baseline baseline, boolean sameList, List<String> differences,
    List<BaselineRow> rows, double maxRegression) {

  public BaselineReport {
    differences = List.copyOf(differences);
    rows = List.copyOf(rows);
  }

  /** The {@code --max-regression} verdicts, one per combination the baseline has. */
  public List<Verdict> checks() {
    return rows.stream().map(BaselineRow::check).filter(Objects::nonNull).toList();
  }
}
