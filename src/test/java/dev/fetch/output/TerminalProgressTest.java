package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.testing.FakeTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The bar driven by hand (no drawing thread): a fake ticker, a fixed width. */
class TerminalProgressTest {
  private final StringWriter terminal = new StringWriter();
  private final FakeTime.FakeTicker ticker = new FakeTime().ticker();
  private final TerminalProgress bar = new TerminalProgress(new PrintWriter(terminal), true,
      () -> 2, ticker, TerminalWidth.fixed(100));
  private final DownloadRequest big = new DownloadRequest(0, HttpUrl.get("http://a.test/big"));

  @Test
  void aShortRunShowsNoBar() {
    bar.start();
    ticker.advance(TerminalProgress.FIRST_DRAW.minusMillis(1));
    bar.draw();
    bar.close();

    assertEquals("", terminal.toString());
  }

  @Test
  void bytesAndRateMoveAndResultsScrollAbove() {
    DownloadRequest smallRequest = new DownloadRequest(1, HttpUrl.get("http://a.test/small"));
    DownloadResult small = new DownloadResult.Success(1, "http://a.test/small", 200, 10,
        Duration.ofMillis(5), 1, "worker-1");
    bar.start();
    bar.transfers().started(big);
    bar.transfers().bodyStarted(big, 2_000_000);
    bar.transfers().started(smallRequest);
    bar.transfers().bodyStarted(smallRequest, 10);
    bar.transfers().read(smallRequest, 10);
    bar.transfers().finished(smallRequest, small);
    ticker.advance(Duration.ofSeconds(1));
    bar.transfers().read(big, 500_000);
    bar.draw();
    ticker.advance(Duration.ofSeconds(1));
    bar.transfers().read(big, 500_000);
    bar.draw();
    StringWriter out = new StringWriter();
    bar.accept(small);
    ticker.advance(Duration.ofSeconds(1));
    bar.above(() -> out.write("Read 10 bytes from http://a.test/small\n"));
    bar.draw();
    bar.close();

    String second = "\r[=========>        ]  976.6 KiB/1.9 MiB  500.0 kB/s  ETA 2s  0/2 URLs,"
        + " 1 in flight \u001b[K\b";
    assertEquals("\r[====>             ]  488.3 KiB/1.9 MiB  0/2 URLs, 1 in flight \u001b[K\b"
        + "\r\u001b[J" + second
        + "\r\u001b[J" + second
        + "\r\u001b[J\r[=========>        ]  976.6 KiB/1.9 MiB  250.0 kB/s  ETA 4s  1/2 URLs,"
        + " 1 in flight \u001b[K\b"
        + "\r\u001b[J", terminal.toString(), "the rate over the last seconds; nothing left");
    assertEquals("Read 10 bytes from http://a.test/small\n", out.toString());
  }

  @Test
  void whenStandardOutputIsElsewhereResultsDoNotTouchTheBar() {
    TerminalProgress stderrOnly = new TerminalProgress(new PrintWriter(terminal), false,
        () -> 1, ticker, TerminalWidth.fixed(100));
    stderrOnly.start();
    ticker.advance(Duration.ofSeconds(1));
    stderrOnly.draw();
    int drawn = terminal.toString().length();
    stderrOnly.above(() -> { });

    assertEquals(drawn, terminal.toString().length());
    stderrOnly.close();
    assertFalse(terminal.toString().substring(drawn).contains("URL"));
  }
}
