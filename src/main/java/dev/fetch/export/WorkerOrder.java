package dev.fetch.export;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders worker names naturally: {@code worker-2} before {@code worker-10}. */
final class WorkerOrder {
  private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");

  static final Comparator<String> NATURAL = (a, b) -> {
    Matcher x = NUMBERED.matcher(a);
    Matcher y = NUMBERED.matcher(b);
    if (x.matches() && y.matches() && x.group(1).equals(y.group(1))) {
      return Long.compare(Long.parseLong(x.group(2)), Long.parseLong(y.group(2)));
    }
    return a.compareTo(b);
  };

  private WorkerOrder() {}
}
