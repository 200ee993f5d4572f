package dev.fetch.trace;

import java.util.Comparator;

/**
 * Orders names as people count: runs of digits compare as numbers, so {@code worker-2} comes
 * before {@code worker-10}. Names equal in that order fall back to plain string order.
 */
public final class NaturalOrder implements Comparator<String> {
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int endA = chunkEnd(a, i);
      int endB = chunkEnd(b, j);
      int result = compareChunks(a.substring(i, endA), b.substring(j, endB));
      if (result != 0) {
        return result;
      }
      i = endA;
      j = endB;
    }
    int byLength = Integer.compare(a.length() - i, b.length() - j);
    return byLength != 0 ? byLength : a.compareTo(b);
  }

  private static int chunkEnd(String s, int start) {
    boolean digits = Character.isDigit(s.charAt(start));
    int end = start + 1;
    while (end < s.length() && Character.isDigit(s.charAt(end)) == digits) {
      end++;
    }
    return end;
  }

  private static int compareChunks(String a, String b) {
    if (Character.isDigit(a.charAt(0)) && Character.isDigit(b.charAt(0))) {
      String x = stripZeros(a);
      String y = stripZeros(b);
      int byLength = Integer.compare(x.length(), y.length());
      return byLength != 0 ? byLength : x.compareTo(y);
    }
    return a.compareTo(b);
  }

  private static String stripZeros(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }
}
