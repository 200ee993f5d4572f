package dev.fetch.compare.export;

import dev.fetch.compare.BaselineRow;
import dev.fetch.compare.stats.Ratio;
import java.util.Locale;

/** A combination's change against its baseline in words, the same in every format. */
final class Changes {
  private Changes() {}

  /**
   * {@code +20.1% (95% interval +18.0% to +22.3%, p=0.002, 6 and 6 runs)}, {@code ~ (p=0.420, 6
   * and 6 runs)}, why it cannot be judged, or that the baseline did not compare it.
   */
  static String describe(BaselineRow row) {
    if (!row.inBaseline()) {
      return "not in the baseline";
    }
    Ratio change = row.change();
    if (change.n() == 0 || change.m() == 0) {
      return "no usable run " + (change.n() == 0 ? "in the baseline" : "now");
    }
    if (!change.judgeable()) {
      return "cannot be judged: " + change.tooFew();
    }
    String runs = String.format(Locale.ROOT, "p=%.3f, %d and %d runs", change.pValue(),
        change.n(), change.m());
    if (!change.significant()) {
      return "~ (" + runs + ")";
    }
    return String.format(Locale.ROOT, "%+.1f%% (%s interval %+.1f%% to %+.1f%%, %s)",
        (change.estimate() - 1) * 100, change.confidence().label(), (change.low() - 1) * 100,
        (change.high() - 1) * 100, runs);
  }
}
