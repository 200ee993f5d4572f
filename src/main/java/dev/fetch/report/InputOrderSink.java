package dev.fetch.report;

import dev.fetch.download.DownloadResult;
import dev.fetch.strategy.ResultSink;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link ResultSink} decorator for {@code --order=input}: holds results back until every result
 * before them in the input has been passed on. Called from one thread; not thread-safe.
 */
public final class InputOrderSink implements ResultSink {
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

  /**
   * Passes on whatever is still held, in index order; for an interrupted run, whose gaps will
   * never be filled. Nothing finished is lost.
   */
  public void flush() {
    waiting.keySet().stream().sorted().toList().forEach(i -> next.accept(waiting.remove(i)));
  }
}
