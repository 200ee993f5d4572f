package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetch.testing.FakeTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The terminal bytes of a status line, to the letter: ESC is written here as {@code ^}. */
class StatusLineTest {
  private final StringWriter terminal = new StringWriter();
  private final FakeTime.FakeTicker ticker = new FakeTime().ticker();
  private final AtomicInteger columns = new AtomicInteger(80);
  private final StatusLine line = new StatusLine(new PrintWriter(terminal), ticker,
      columns::get);

  @Test
  void theStatusIsRedrawnInPlaceWithTheCursorAfterIt() {
    line.show("one");
    line.show("two");

    assertEquals("\rone ^[K\b" + "\r^[J" + "\rtwo ^[K\b", written());
  }

  @Test
  void linesGoAboveTheStatusWhichIsDrawnAgainUnderThem() {
    line.show("bar");
    ticker.advance(StatusLine.REDRAW_AFTER);
    line.lines().println("warning: one");
    line.lines().print("half ");
    line.lines().println("a line");

    assertEquals("\rbar ^[K\b" + "\r^[J" + "warning: one\n" + "\rbar ^[K\b"
        + "\r^[J" + "half a line\n", written(), "the second redraw waits: too soon after the first");
  }

  @Test
  void aBurstOfOutputIsNotSlowedByRedrawing() {
    line.show("bar");
    ticker.advance(Duration.ofMillis(10));
    StringWriter out = new StringWriter();
    for (int i = 0; i < 3; i++) {
      line.above(() -> out.write("result\n"));
    }
    line.show("bar2");

    assertEquals("\rbar ^[K\b" + "\r^[J" + "\rbar2 ^[K\b", written());
    assertEquals("result\nresult\nresult\n", out.toString());
  }

  @Test
  void aStatusSplitByANarrowerWindowIsErasedFromItsFirstRow() {
    line.show("x".repeat(70));
    columns.set(30);
    line.show("y");

    assertEquals("\r" + "x".repeat(70) + " ^[K\b" + "\r^[2A^[J" + "\ry ^[K\b", written(),
        "71 columns at 30 wide: the cursor is two rows below the first");
  }

  @Test
  void closingErasesTheStatusForGoodAndFlushesAWaitingLine() {
    line.show("bar");
    line.lines().print("no newline yet");
    line.close();
    line.show("late");
    line.lines().println(" and more");

    assertEquals("\rbar ^[K\b" + "\r^[J" + "no newline yet" + " and more\n", written());
  }

  private String written() {
    return terminal.toString().replace('\u001b', '^');
  }
}
