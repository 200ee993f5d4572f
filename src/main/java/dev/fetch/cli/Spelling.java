package dev.fetch.cli;

import java.util.Collection;
import java.util.Locale;

/**
 * Finds the name a mistyped word was meant to be ({@code compair} → {@code compare}), by
 * edit distance: insertions, deletions, substitutions and swaps of two neighbouring letters each
 * count one, case is ignored.
 */
final class Spelling {
  private Spelling() {}

  /**
   * The name of {@code names} closest to {@code word}, or null when none is close: at most two
   * edits away, and fewer than half the name's length (so {@code memo} suggests {@code demo}, but
   * a two-letter word suggests nothing). A word that differs only in case is close. A word equal
   * to a name is not a typo: null.
   */
  static String closest(String word, Collection<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = word.toLowerCase(Locale.ROOT);
    for (String name : names) {
      if (Math.abs(word.length() - name.length()) > 2) {
        continue;
      }
      int d = distance(lower, name.toLowerCase(Locale.ROOT));
      if (!word.equals(name) && d <= 2 && 2 * d < name.length() && d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return best;
  }

  /** The optimal-string-alignment distance between {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
