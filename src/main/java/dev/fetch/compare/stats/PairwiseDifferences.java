package dev.fetch.compare.stats;

import java.util.Arrays;
import java.util.Random;

/**
 * The differences {@code y[j] - x[i]} of every pair of two sorted samples, in order, without
 * building the {@code n m} of them: {@link #select} finds the k-th smallest by a randomised
 * selection over the implicit sorted matrix (each row {@code i} is ascending in {@code j}), in
 * expected {@code O((n + m) log(n m))} time and {@code O(n)} memory, so 10,000 runs on each side
 * stay cheap. The pivots come from a fixed seed: the same input takes the same steps. Pure.
 */
public final class PairwiseDifferences {
  /** Below this many candidates left, they are sorted outright. */
  private static final int SORT_BELOW = 4096;

  private final double[] x;
  private final double[] y;

  /** @param x, y ascending, not empty; kept, not copied */
  public PairwiseDifferences(double[] x, double[] y) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("both samples need a value");
    }
    this.x = x;
    this.y = y;
  }

  /** How many differences there are, {@code n m}. */
  public long size() {
    return (long) x.length * y.length;
  }

  /**
   * The k-th smallest difference, 1-based.
   *
   * @throws IllegalArgumentException unless {@code 1 <= k <= n m}
   */
  public double select(long k) {
    if (k < 1 || k > size()) {
      throw new IllegalArgumentException("rank " + k + " of " + size());
    }
    int n = x.length;
    int[] lo = new int[n];
    int[] hi = new int[n];
    Arrays.fill(hi, y.length);
    Random random = new Random(n * 31L + y.length);
    long rank = k;
    while (true) {
      long left = 0;
      for (int i = 0; i < n; i++) {
        left += hi[i] - lo[i];
      }
      if (left <= SORT_BELOW) {
        return sortedCandidate(lo, hi, (int) left, (int) rank);
      }
      double pivot = candidate(lo, hi, (long) (random.nextDouble() * left));
      int[] below = bound(pivot, false, lo, hi);
      int[] through = bound(pivot, true, lo, hi);
      long less = 0;
      long notMore = 0;
      for (int i = 0; i < n; i++) {
        less += below[i] - lo[i];
        notMore += through[i] - lo[i];
      }
      if (rank <= less) {
        hi = below;
      } else if (rank <= notMore) {
        return pivot;
      } else {
        rank -= notMore;
        lo = through;
      }
    }
  }

  /** The {@code index}-th remaining candidate, counting row by row. */
  private double candidate(int[] lo, int[] hi, long index) {
    long skip = index;
    for (int i = 0; i < x.length; i++) {
      int width = hi[i] - lo[i];
      if (skip < width) {
        return y[lo[i] + (int) skip] - x[i];
      }
      skip -= width;
    }
    throw new IllegalStateException("no candidate " + index);
  }

  /**
   * Per row, the first column in {@code [lo, hi)} whose difference is not below the pivot
   * ({@code inclusive} false) or is above it ({@code inclusive} true). As {@code x[i]} grows the
   * boundary moves right, so one pointer walks {@code y} once.
   */
  private int[] bound(double pivot, boolean inclusive, int[] lo, int[] hi) {
    int[] bound = new int[x.length];
    int j = 0;
    for (int i = 0; i < x.length; i++) {
      while (j < y.length && (inclusive ? y[j] - x[i] <= pivot : y[j] - x[i] < pivot)) {
        j++;
      }
      bound[i] = Math.max(lo[i], Math.min(hi[i], j));
    }
    return bound;
  }

  private double sortedCandidate(int[] lo, int[] hi, int count, int rank) {
    double[] left = new double[count];
    int at = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = lo[i]; j < hi[i]; j++) {
        left[at++] = y[j] - x[i];
      }
    }
    Arrays.sort(left);
    return left[rank - 1];
  }
}
