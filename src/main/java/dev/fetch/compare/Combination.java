package dev.fetch.compare;

import dev.fetch.strategy.Mode;
import java.util.Locale;

/**
 * One thing {@code fetch compare} measures: a mode with a worker count. Its label,
 * {@code threads:5}, names it in tables, exports and {@code --require}.
 */
public record Combination(Mode mode, int workers) {

  public String label() {
    return mode + ":" + workers;
  }

  /**
   * Reads a label: {@code threads:5}, or a bare {@code threads} when only one combination of that
   * mode is being compared ({@code candidates} decides).
   *
   * @throws IllegalArgumentException naming the label when it matches none (listing the
   *     candidates) or several
   */
  public static Combination parse(String label, Iterable<Combination> candidates) {
    String wanted = label.trim().toLowerCase(Locale.ROOT);
    Combination found = null;
    for (Combination c : candidates) {
      if (c.label().equals(wanted) || c.mode().toString().equals(wanted)) {
        if (found != null && !c.label().equals(wanted)) {
          throw new IllegalArgumentException("'" + label + "' is ambiguous: say "
              + found.label() + " or " + c.label());
        }
        found = c;
        if (c.label().equals(wanted)) {
          break;
        }
      }
    }
    if (found == null) {
      StringBuilder compared = new StringBuilder();
      for (Combination c : candidates) {
        compared.append(compared.length() == 0 ? "" : ", ").append(c.label());
      }
      throw new IllegalArgumentException("'" + label + "' is not one of the compared "
          + "combinations (" + compared + "; write MODE or MODE:WORKERS)");
    }
    return found;
  }

  @Override
  public String toString() {
    return label();
  }
}
