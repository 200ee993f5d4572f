package dev.fetch.compare;

import dev.fetch.compare.stats.Confidence;
import dev.fetch.compare.stats.MedianInterval;
import dev.fetch.compare.stats.Ratio;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the table's "Warnings:" says, and every export with it: runs left out for failed URLs,
 * too few runs for the interval asked, outliers, and neighbours in speed that the Mann–Whitney
 * test cannot tell apart. Pure.
 */
final class Warnings {
  private Warnings() {}

  static List<String> of(List<ComboResult> results, Confidence confidence) {
    List<String> warnings = new ArrayList<>();
    int needed = MedianInterval.runsNeeded(confidence);
    for (ComboResult r : results) {
      String label = r.combination().label();
      Stats time = r.time();
      if (r.failedRuns() > 0) {
        warnings.add(label + ": " + r.failedRuns() + " of " + r.measuredRuns() + " runs had "
            + "failed URLs and are left out of the statistics");
      }
      if (time.n() == 0) {
        warnings.add(label + ": no run without failures, so no statistics");
      } else if (!time.hasInterval()) {
        warnings.add(label + ": " + time.n() + (time.n() == 1 ? " usable run" : " usable runs")
            + ", too few for a " + confidence.label() + " interval of the median (" + needed
            + " needed): use --runs " + needed + " or more");
      }
      if (time.outliers() > 0) {
        warnings.add(label + ": " + time.outliers() + (time.outliers() == 1 ? " outlier"
            : " outliers") + " among " + time.n() + " runs: the machine may have been busy; "
            + "consider --warmup or more --runs");
      }
    }
    inseparable(results, confidence, warnings);
    return warnings;
  }

  /** Neighbours in speed that the test cannot tell apart: say so, with p and n. */
  private static void inseparable(List<ComboResult> results, Confidence confidence,
      List<String> warnings) {
    List<ComboResult> ranked = results.stream().filter(r -> r.time().n() > 0)
        .sorted(Comparator.comparingDouble(r -> r.time().median())).toList();
    for (int i = 1; i < ranked.size(); i++) {
      ComboResult faster = ranked.get(i - 1);
      ComboResult slower = ranked.get(i);
      Ratio r = Ratio.of(faster.times(), slower.times(), confidence);
      String pair = faster.combination().label() + " and " + slower.combination().label();
      if (!r.judgeable()) {
        warnings.add(pair + " cannot be told apart: " + r.tooFew());
      } else if (!r.significant()) {
        warnings.add(String.format(Locale.ROOT, "%s cannot be told apart at %s (p=%.3f, %d and "
            + "%d runs); more --runs may separate them", pair, confidence.label(), r.pValue(),
            r.n(), r.m()));
      }
    }
  }
}
