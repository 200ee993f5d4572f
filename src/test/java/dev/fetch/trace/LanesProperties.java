package dev.fetch.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Over random runs: no two slices of a lane overlap, nothing is lost, durations are kept. */
class LanesProperties {

  @Provide
  Arbitrary<List<UrlRecord>> runs() {
    Arbitrary<String> workers = Arbitraries.of("worker-1", "worker-2", "worker-10",
        "worker-3/pid-77", "worker-3/pid-78", null);
    Arbitrary<UrlRecord> urls = Combinators.combine(Arbitraries.integers().between(0, 999),
        workers, Arbitraries.doubles().between(0, 5000).ofScale(1),
        Arbitraries.doubles().between(0, 800).ofScale(1))
        .as((index, worker, end, duration) -> new UrlRecord(index, "http://x.test/" + index,
            worker, worker == null ? null : 200, 1, Math.max(0, end - duration), end, 1,
            worker == null ? "invalid_url" : null));
    return urls.list().ofMaxSize(60);
  }

  @Property(tries = 300)
  void noTwoSlicesOfALaneOverlap(@ForAll("runs") List<UrlRecord> urls) {
    List<Lane> lanes = Lanes.of(urls);
    int downloads = 0;
    for (Lane lane : lanes) {
      assertTrue(lane.name() != null && !lane.name().equals("null"), lane.name());
      for (int i = 0; i < lane.slices().size(); i++) {
        Slice s = lane.slices().get(i);
        assertTrue(s.startMs() >= 0 && s.startMs() <= s.endMs(), s.toString());
        if (i > 0) {
          assertTrue(lane.slices().get(i - 1).endMs() <= s.startMs(),
              lane.name() + " overlaps at " + i + ": " + lane.slices());
        }
        downloads += s.startup() ? 0 : 1;
      }
    }
    assertEquals(urls.size(), downloads, "every URL is drawn once");
  }

  @Property(tries = 300)
  void untanglingKeepsEveryUrlAndItsDurationUnlessItHitsZero(
      @ForAll("runs") List<UrlRecord> urls) {
    List<UrlRecord> untangled = Lanes.untangle(urls);
    assertEquals(urls.size(), untangled.size());
    for (int i = 0; i < urls.size(); i++) {
      UrlRecord before = urls.get(i);
      UrlRecord after = untangled.get(i);
      assertEquals(before.index(), after.index());
      assertTrue(after.endMs() <= before.endMs(), "ends only move back");
      if (after.startMs() > 0) {
        assertEquals(before.endMs() - before.startMs(), after.endMs() - after.startMs(), 1e-9);
      }
    }
    assertEquals(untangled, Lanes.untangle(untangled), "idempotent");
  }
}
