package dev.fetch.strategy;

import dev.fetch.download.DownloadResult;
import java.util.HashMap;
import java.util.Map;

/**
 * The reorder buffer of {@link Order#INPUT}: holds results back until every result before them in
 * the input has been passed on. Used by the {@link CompletionLoop}, which counts what it holds
 * against its window, so at most {@link #MAX_HELD} URLs run past one that is slow. Called from
 * one thread; not thread-safe.
 */
final class InputOrder implements ResultSink {
  /** Results held back at most: how far past a slow URL the run may go. */
  static final int MAX_HELD = 4096;

  private final ResultSink next;
  private final Map<Integer, DownloadResult> waiting = new HashMap<>();
  private int expected;

  InputOrder(ResultSink next) {
    this.next = next;
  }

  @Override
  public void accept(DownloadResult result) {
    waiting.put(result.index(), result);
    for (DownloadResult ready; (ready = waiting.remove(expected)) != null; expected++) {
      next.accept(ready);
    }
  }

  /** How many results are held back now. */
  int held() {
    return waiting.size();
  }

  /**
   * Passes on whatever is still held, in index order; for an interrupted run, whose gaps will
   * never be filled. Nothing finished is lost.
   */
  void flush() {
    waiting.keySet().stream().sorted().toList().forEach(i -> next.accept(waiting.remove(i)));
  }
}
