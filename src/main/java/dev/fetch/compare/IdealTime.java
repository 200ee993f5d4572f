package dev.fetch.compare;

import dev.fetch.trace.UrlRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.apache.commons.statistics.descriptive.Median;

/**
 * The best time a list allows at a given concurrency: its URLs' own durations (the median of each
 * across runs), started in list order on {@code workers} lanes, each on the lane that frees first
 * — the longest lane. No overhead at all: what a perfect pool would take.
 */
final class IdealTime {
  private IdealTime() {}

  static double seconds(List<RunRecord> runs, int workers) {
    Map<Integer, List<Double>> durations = new TreeMap<>();
    for (RunRecord run : runs) {
      for (UrlRecord url : run.urls()) {
        durations.computeIfAbsent(url.index(), i -> new ArrayList<>())
            .add(url.endMs() - url.startMs());
      }
    }
    if (durations.isEmpty()) {
      return Double.NaN;
    }
    PriorityQueue<Double> lanes = new PriorityQueue<>();
    for (int i = 0; i < workers; i++) {
      lanes.add(0.0);
    }
    Map<Integer, Double> medians = new HashMap<>();
    durations.forEach((index, list) -> medians.put(index,
        Median.withDefaults().evaluate(list.stream().mapToDouble(Double::doubleValue).toArray())));
    double longest = 0;
    for (double duration : new TreeMap<>(medians).values()) {
      double end = lanes.poll() + duration;
      longest = Math.max(longest, end);
      lanes.add(end);
    }
    return longest / 1000;
  }
}
