package dev.fetch.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a run's URLs are laid out on its workers' lanes, and the trace drawn from them. */
class LanesTest {

  private static UrlRecord url(int index, String worker, double start, double end) {
    return new UrlRecord(index, "http://127.0.0.1/" + index, worker, 200, 10, start, end, 1,
        null);
  }

  /** A report that came late makes a URL seem to end after the next one of its worker began. */
  @Test
  void aLateReportIsMovedBackToTheNextStartKeepingItsDuration() {
    List<UrlRecord> urls = List.of(
        url(0, "worker-1", 0, 105),     // ran 0..100, reported at 105
        url(1, "worker-1", 100.5, 200), // began at 100.5
        url(2, "worker-2", 0, 50));

    List<UrlRecord> untangled = Lanes.untangle(urls);

    assertEquals(url(0, "worker-1", 0, 100.5).endMs(), untangled.get(0).endMs());
    assertEquals(0, untangled.get(0).startMs(), "105 ms long, moved back: clamped at 0");
    assertEquals(urls.get(1), untangled.get(1), "the later one is untouched");
    assertEquals(urls.get(2), untangled.get(2), "another worker's too");
    assertEquals(untangled, Lanes.untangle(untangled), "idempotent");
  }

  @Test
  void aMovedUrlKeepsItsOwnDurationWhenThereIsRoom() {
    List<UrlRecord> untangled = Lanes.untangle(List.of(
        url(0, "worker-1", 20, 60), url(1, "worker-1", 55, 90)));

    assertEquals(15, untangled.get(0).startMs(), 1e-9);
    assertEquals(55, untangled.get(0).endMs(), 1e-9);
  }

  @Test
  void invalidLinesShareTheNoWorkerLaneLastAndNoLaneIsNamedNull() {
    List<UrlRecord> urls = List.of(url(0, "worker-10", 0, 10), url(1, "worker-2", 0, 10),
        new UrlRecord(2, "ftp://x", null, null, 0, 3, 3, 0, "invalid_url"),
        new UrlRecord(3, "nope", null, null, 0, 4, 4, 0, "invalid_url"));

    List<Lane> lanes = Lanes.of(urls);

    assertEquals(List.of("worker-2", "worker-10", Lanes.NO_WORKER),
        lanes.stream().map(Lane::name).toList());
    assertEquals(2, lanes.get(2).slices().size());
    String trace = TraceExport.render(List.of(new TraceExport.Track("run", urls)));
    assertFalse(trace.contains("\"null\""), trace);
    assertTrue(trace.contains("\"name\":\"(no worker)\""), trace);
  }

  /**
   * Processes mode: each worker JVM's start-up, from the run's start (or the end of the JVM it
   * replaced) to its first download, is a slice of its own.
   */
  @Test
  void workerJvmStartUpIsItsOwnPhase() {
    List<UrlRecord> urls = List.of(
        url(0, "worker-1/pid-100", 400, 500),
        url(1, "worker-2/pid-200", 380, 450),
        url(2, "worker-1/pid-100", 500, 600),
        url(3, "worker-1/pid-300", 950, 1000)); // worker-1's JVM died and was replaced

    List<Lane> lanes = Lanes.of(urls);

    assertEquals(List.of("worker-1/pid-100", "worker-1/pid-300", "worker-2/pid-200"),
        lanes.stream().map(Lane::name).toList());
    Slice first = lanes.get(0).slices().get(0);
    assertTrue(first.startup());
    assertNull(first.url());
    assertEquals(0, first.startMs());
    assertEquals(400, first.endMs());
    Slice replaced = lanes.get(1).slices().get(0);
    assertTrue(replaced.startup());
    assertEquals(600, replaced.startMs(), "from the end of the JVM it replaced");
    assertEquals(950, replaced.endMs());
    assertEquals(380, lanes.get(2).slices().get(0).endMs());
    assertTrue(Lanes.of(List.of(url(0, "worker-1", 400, 500))).get(0).slices().stream()
        .noneMatch(Slice::startup), "threads have no start-up phase");
  }

  @Test
  void theTraceHasATrackPerWorkerAndNoOverlapOnAnyTrack() throws Exception {
    List<UrlRecord> urls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // Five workers, each report 3 ms late: every URL but a lane's last would overlap.
      double start = (i / 5) * 20.0;
      urls.add(url(i, "async-" + (i % 5 + 1), start, start + 23));
    }
    JsonNode events = new ObjectMapper().readTree(TraceExport.render(
        List.of(new TraceExport.Track("async:5", urls)))).get("traceEvents");

    Map<Integer, String> threads = new HashMap<>();
    Map<Integer, long[]> lastEnd = new HashMap<>();
    int slices = 0;
    for (JsonNode e : events) {
      if (e.get("name").asText().equals("thread_name")) {
        threads.put(e.get("tid").asInt(), e.get("args").get("name").asText());
      } else if (e.get("ph").asText().equals("X")) {
        slices++;
        int tid = e.get("tid").asInt();
        long start = e.get("ts").asLong();
        long[] end = lastEnd.computeIfAbsent(tid, t -> new long[] {Long.MIN_VALUE});
        assertTrue(start >= end[0], "overlap on track " + tid + ": " + e);
        end[0] = start + e.get("dur").asLong();
      }
    }
    assertEquals(40, slices);
    assertEquals(List.of("async-1", "async-2", "async-3", "async-4", "async-5"),
        threads.keySet().stream().sorted().map(threads::get).toList(), "five lanes, in order");
  }
}
