package dev.fetch.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays a run's URLs out on its workers' lanes, for the HTML timeline and the Chrome trace alike.
 *
 * <p>A URL's end is when it was reported, and its start that less its own elapsed time. A report
 * can come a little after the download ended (the reporting thread was busy), so the next URL of
 * the same worker could seem to start before this one ended; a worker does one URL at a time, so
 * {@link #untangle} moves such an end back to the next start, and its start with it (keeping the
 * duration, never below 0). Nothing else moves.
 *
 * <p>In processes mode (lanes named {@code worker-N/pid-P}) the time before a worker JVM's first
 * download is its start-up — booting the JVM, loading the worker, building its HTTP client — and
 * {@link #of} draws it as a slice of its own: from the run's start, or for a replacement worker
 * from the last download of the one it replaced, to its first download's start. URLs that no
 * worker ran (invalid lines) share the lane {@link #NO_WORKER}, last. Pure.
 */
public final class Lanes {
  /** The lane of URLs no worker ran: they failed before any request. */
  public static final String NO_WORKER = "(no worker)";

  private static final Pattern WORKER_JVM = Pattern.compile("(.+)/pid-\\d+");

  private Lanes() {}

  /** The lane {@code url} belongs on. */
  public static String laneOf(UrlRecord url) {
    return url.worker() == null ? NO_WORKER : url.worker();
  }

  /**
   * {@code urls} in the same order, with every end that overlaps the next URL of the same worker
   * moved back to that start (and the start with it). Idempotent.
   */
  public static List<UrlRecord> untangle(List<UrlRecord> urls) {
    Map<String, List<Integer>> byLane = new LinkedHashMap<>();
    for (int i = 0; i < urls.size(); i++) {
      byLane.computeIfAbsent(laneOf(urls.get(i)), k -> new ArrayList<>()).add(i);
    }
    List<UrlRecord> out = new ArrayList<>(urls);
    for (List<Integer> lane : byLane.values()) {
      lane.sort(Comparator.comparingDouble((Integer i) -> urls.get(i).endMs())
          .thenComparingDouble(i -> urls.get(i).startMs())
          .thenComparingInt(i -> urls.get(i).index()));
      double limit = Double.POSITIVE_INFINITY;
      for (int k = lane.size() - 1; k >= 0; k--) {
        UrlRecord u = urls.get(lane.get(k));
        double end = Math.min(u.endMs(), limit);
        double start = Math.max(0, end - (u.endMs() - u.startMs()));
        if (end != u.endMs() || start != u.startMs()) {
          out.set(lane.get(k), new UrlRecord(u.index(), u.url(), u.worker(), u.status(),
              u.bytes(), start, end, u.attempts(), u.errorKind()));
        }
        limit = start;
      }
    }
    return out;
  }

  /**
   * Every lane of a run, untangled, in natural order of their names ({@code worker-2} before
   * {@code worker-10}), {@link #NO_WORKER} last, with worker JVMs' start-up phases.
   */
  public static List<Lane> of(List<UrlRecord> urls) {
    Map<String, List<Slice>> lanes = new TreeMap<>(NaturalOrder.INSTANCE);
    List<Slice> none = new ArrayList<>();
    for (UrlRecord u : untangle(urls)) {
      Slice slice = new Slice(u.startMs(), u.endMs(), u);
      if (u.worker() == null) {
        none.add(slice);
      } else {
        lanes.computeIfAbsent(u.worker(), k -> new ArrayList<>()).add(slice);
      }
    }
    Comparator<Slice> byTime = Comparator.comparingDouble(Slice::startMs)
        .thenComparingDouble(Slice::endMs);
    lanes.values().forEach(slices -> slices.sort(byTime));
    none.sort(byTime);
    addStartups(lanes);
    List<Lane> all = new ArrayList<>();
    lanes.forEach((name, slices) -> all.add(new Lane(name, slices)));
    if (!none.isEmpty()) {
      all.add(new Lane(NO_WORKER, none));
    }
    return all;
  }

  /** Before each worker JVM's first download, its start-up, as worker slots replace JVMs. */
  private static void addStartups(Map<String, List<Slice>> lanes) {
    Map<String, List<List<Slice>>> bySlot = new TreeMap<>();
    lanes.forEach((name, slices) -> {
      Matcher m = WORKER_JVM.matcher(name);
      if (m.matches()) {
        bySlot.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(slices);
      }
    });
    for (List<List<Slice>> jvms : bySlot.values()) {
      jvms.sort(Comparator.comparingDouble(slices -> slices.get(0).startMs()));
      double from = 0;
      for (List<Slice> slices : jvms) {
        double firstStart = slices.get(0).startMs();
        double lastEnd = slices.get(slices.size() - 1).endMs();
        if (firstStart > from) {
          slices.add(0, new Slice(from, firstStart, null));
        }
        from = Math.max(from, lastEnd);
      }
    }
  }
}
