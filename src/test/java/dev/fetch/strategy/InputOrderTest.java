package dev.fetch.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetch.download.DownloadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputOrderTest {
  private final List<Integer> passed = new ArrayList<>();
  private final InputOrder sink = new InputOrder(result -> passed.add(result.index()));

  private static DownloadResult result(int index) {
    return new DownloadResult.Success(index, "http://a.test/" + index, 200, 0, Duration.ZERO, 1,
        "w");
  }

  @Test
  void passesResultsOnInInputOrderAsSoonAsPossible() {
    sink.accept(result(2));
    assertEquals(List.of(), passed);
    sink.accept(result(0));
    assertEquals(List.of(0), passed);
    sink.accept(result(1));
    assertEquals(List.of(0, 1, 2), passed);
    sink.accept(result(4));
    assertEquals(List.of(0, 1, 2), passed);
    sink.accept(result(3));
    assertEquals(List.of(0, 1, 2, 3, 4), passed);
    sink.flush();
    assertEquals(List.of(0, 1, 2, 3, 4), passed);
  }

  @Test
  void passesTheVeryResultObjects() {
    List<DownloadResult> results = new ArrayList<>();
    InputOrder ordered = new InputOrder(results::add);
    DownloadResult first = result(1);
    DownloadResult second = result(0);
    ordered.accept(first);
    ordered.accept(second);
    assertEquals(List.of(second, first), results);
  }

  @Test
  void inOrderInputPassesStraightThrough() {
    for (int i = 0; i < 5; i++) {
      sink.accept(result(i));
      assertEquals(i + 1, passed.size());
    }
    assertEquals(List.of(0, 1, 2, 3, 4), passed);
  }

  @Test
  void flushPassesHeldResultsAfterAGapInIndexOrder() {
    sink.accept(result(0));
    sink.accept(result(5));
    sink.accept(result(2));
    sink.accept(result(3));
    sink.accept(result(11));
    assertEquals(List.of(0), passed);

    sink.flush();

    assertEquals(List.of(0, 2, 3, 5, 11), passed);
    sink.flush();
    assertEquals(List.of(0, 2, 3, 5, 11), passed);
  }

  @Test
  void flushWithNothingHeldPassesNothing() {
    sink.flush();
    assertEquals(List.of(), passed);
  }

  @Test
  void flushSortsIndexesAHashMapWouldScramble() {
    for (int index : new int[] {40, 17, 3, 33, 1000, 16}) {
      sink.accept(result(index));
    }
    assertEquals(List.of(), passed);

    sink.flush();

    assertEquals(List.of(3, 16, 17, 33, 40, 1000), passed);
  }
}
