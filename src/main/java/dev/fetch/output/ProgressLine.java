package dev.fetch.output;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a progress display, from one {@link ProgressSnapshot} and the current byte rate
 * (NaN when not known yet): a terminal's one-line bar, fitted to its width, or a plain line for
 * a log. Pure functions. URLs are made {@linkplain Terminal#safe printable}.
 *
 * <pre>
 * [=======>            ] 3.1 MiB/20.0 MiB  2.4 MB/s  ETA 7s  0/1 URLs, 1 in flight
 * fetch: 3.1 MiB of 20.0 MiB, 2.4 MB/s, ETA 7s; 0 of 1 URLs done, 1 in flight
 * </pre>
 *
 * <p>The bar and the ETA follow bytes when the total is known (or estimated, then the ETA reads
 * {@code ~}), and URLs otherwise. On a narrow terminal the least useful parts go first: the
 * slowest URL, the bar, the ETA, the URLs in flight, the rate, the failed count; the bytes and
 * URLs done stay.
 */
final class ProgressLine {
  private static final int BAR = 20;
  private static final int SHORTEST_URL = 16;

  private ProgressLine() {}

  /**
   * One line of at most {@code width - 1} characters (so a terminal never wraps it): the parts
   * that fit, in their order, the least useful dropped first.
   */
  static String bar(ProgressSnapshot s, double rate, int width) {
    int room = Math.max(10, width - 1);
    String eta = eta(s, rate);
    // Each part with its rank: the highest rank is dropped first.
    List<String> parts = new ArrayList<>();
    List<Integer> ranks = new ArrayList<>();
    add(parts, ranks, bar(s), 6);
    add(parts, ranks, s.totalBytes() >= 0 ? HumanUnits.size(s.bytes()) + "/"
        + HumanUnits.size(s.totalBytes()) : HumanUnits.size(s.bytes()), 0);
    add(parts, ranks, Double.isNaN(rate) ? null : HumanUnits.rate(rate), 3);
    add(parts, ranks, eta == null ? null : "ETA " + eta, 5);
    add(parts, ranks, s.done() + (s.urls() >= 0 ? "/" + s.urls() : "")
        + (s.urls() == 1 ? " URL" : " URLs"), 1);
    add(parts, ranks, s.failed() > 0 ? s.failed() + " failed" : null, 2);
    add(parts, ranks, s.inFlight() > 0 ? s.inFlight() + " in flight" : null, 4);
    String line = join(parts);
    while (line.length() > room && parts.size() > 1) {
      int drop = ranks.indexOf(ranks.stream().max(Integer::compare).orElseThrow());
      parts.remove(drop);
      ranks.remove(drop);
      line = join(parts);
    }
    return line.length() <= room ? withSlowest(line, s, room) : line.substring(0, room);
  }

  private static void add(List<String> parts, List<Integer> ranks, String part, int rank) {
    if (part != null) {
      parts.add(part);
      ranks.add(rank);
    }
  }

  /** The parts with two spaces between, but a comma before the failed and in-flight counts. */
  private static String join(List<String> parts) {
    StringBuilder line = new StringBuilder();
    for (String part : parts) {
      if (line.length() > 0) {
        boolean count = part.endsWith(" failed") || part.endsWith(" in flight");
        line.append(count ? ", " : "  ");
      }
      line.append(part);
    }
    return line.toString();
  }

  /** A line for a log: no bar, no control character, nothing fitted to a width. */
  static String plain(ProgressSnapshot s, double rate) {
    StringBuilder line = new StringBuilder("fetch: ").append(HumanUnits.size(s.bytes()));
    if (s.totalBytes() >= 0) {
      line.append(" of ").append(HumanUnits.size(s.totalBytes()));
    }
    if (!Double.isNaN(rate)) {
      line.append(", ").append(HumanUnits.rate(rate));
    }
    String eta = eta(s, rate);
    if (eta != null) {
      line.append(", ETA ").append(eta);
    }
    line.append("; ").append(s.done());
    if (s.urls() >= 0) {
      line.append(" of ").append(s.urls());
    }
    line.append(s.urls() == 1 ? " URL done" : " URLs done");
    if (s.failed() > 0) {
      line.append(", ").append(s.failed()).append(" failed");
    }
    line.append(", ").append(s.inFlight()).append(" in flight");
    if (s.slowest() != null) {
      line.append("; slowest: ").append(Terminal.safe(s.slowest().url())).append(" (")
          .append(slowestDetail(s.slowest())).append(')');
    }
    return line.toString();
  }

  /**
   * The time left, as {@link HumanUnits#duration}, from bytes: {@code 7s} when the total is
   * known, {@code ~7s} when it is estimated; null without a rate or a total.
   */
  static String eta(ProgressSnapshot s, double rate) {
    long total = s.totalBytes() >= 0 ? s.totalBytes() : s.estimatedTotal();
    if (total < 0 || !(rate > 0)) {
      return null;
    }
    double seconds = Math.max(0, total - s.bytes()) / rate;
    if (seconds > 100 * 3600) {
      return null;
    }
    String eta = HumanUnits.duration(Duration.ofMillis((long) (seconds * 1000)));
    return s.totalBytes() >= 0 ? eta : "~" + eta;
  }

  private static String bar(ProgressSnapshot s) {
    double fraction;
    if (s.totalBytes() > 0) {
      fraction = (double) s.bytes() / s.totalBytes();
    } else if (s.estimatedTotal() > 0) {
      fraction = (double) s.bytes() / s.estimatedTotal();
    } else if (s.urls() > 0) {
      fraction = (double) s.done() / s.urls();
    } else {
      return null;
    }
    int inside = BAR - 2;
    int filled = (int) Math.floor(Math.min(1, Math.max(0, fraction)) * inside);
    StringBuilder bar = new StringBuilder("[");
    for (int i = 0; i < inside; i++) {
      bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
    }
    return bar.append(']').toString();
  }

  /** {@code line}, then the slowest URL if there is one and room for it, shortened to fit. */
  private static String withSlowest(String line, ProgressSnapshot s, int room) {
    ProgressSnapshot.Slowest slowest = s.slowest();
    if (slowest == null) {
      return line;
    }
    String detail = " (" + slowestDetail(slowest) + ")";
    String prefix = line + "  slowest: ";
    int urlRoom = room - prefix.length() - detail.length();
    if (urlRoom < SHORTEST_URL) {
      return line;
    }
    return prefix + shorten(Terminal.safe(slowest.url()), urlRoom) + detail;
  }

  /** How far the slowest URL is, {@code 57%} of its declared length or its size, and its age. */
  private static String slowestDetail(ProgressSnapshot.Slowest slowest) {
    String done = slowest.length() > 0 ? Math.min(100, 100 * slowest.bytes() / slowest.length())
        + "%" : HumanUnits.size(slowest.bytes());
    return done + ", " + HumanUnits.duration(slowest.age());
  }

  /** {@code text} in at most {@code room} characters, its middle replaced by {@code ...}. */
  static String shorten(String text, int room) {
    if (text.length() <= room) {
      return text;
    }
    int keep = room - 3;
    int head = (keep + 1) / 2;
    return text.substring(0, head) + "..." + text.substring(text.length() - (keep - head));
  }
}
