package dev.fetch.output;

import dev.fetch.download.DownloadResult;
import dev.fetch.strategy.ResultSink;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link ResultSink} decorator for {@code --order=input}: holds results back until every result
 * before them in the input has been passed on. Called from one thread; not thread-safe. A
 * strategy bounds what it holds: it runs at most {@link #MAX_HELD} URLs past one that is slow.
 */
public final class InputOrderSink implements ResultSink {
  /** Results held back at most: how far past a slow URL the run may go. */
  static final int MAX_HELD = 4096;

  private final ResultSink next;
  private final Map<Integer, DownloadResult> waiting = new HashMap<>();
  private int expected;

  public InputOrderSink(ResultSink next) {
    this.next = next;
  }

  @Override
  public void accept(DownloadResult result) {
    waiting.put(result.index(), result);
    for (DownloadResult ready; (ready = waiting.remove(expected)) != null; expected++) {
      next.accept(ready);
    }
  }

  @Override
  public int held() {
    return waiting.size();
  }

  @Override
  public int maxHeld() {
    return MAX_HELD;
  }

  /**
   * Passes on whatever is still held, in index order; for an interrupted run, whose gaps will
   * never be filled. Nothing finished is lost.
   */
  public void flush() {
    waiting.keySet().stream().sorted().toList().forEach(i -> next.accept(waiting.remove(i)));
  }
}
