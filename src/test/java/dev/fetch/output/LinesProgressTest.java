package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetch.download.DownloadRequest;
import dev.fetch.testing.FakeTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class LinesProgressTest {
  private final StringWriter log = new StringWriter();
  private final FakeTime.FakeTicker ticker = new FakeTime().ticker();
  private final LinesProgress progress = new LinesProgress(new PrintWriter(log), () -> 3,
      ticker);

  @Test
  void aPlainLineEachTimeWithNoControlCharacter() {
    DownloadRequest request = new DownloadRequest(0, HttpUrl.get("http://a.test/"));
    progress.start();
    progress.transfers().started(request);
    progress.transfers().bodyStarted(request, -1);
    ticker.advance(LinesProgress.EVERY);
    progress.transfers().read(request, 3_000_000);
    progress.report();
    progress.close();
    progress.report();

    assertEquals("fetch: 2.9 MiB, 300.0 kB/s; 0 of 3 URLs done, 1 in flight; slowest: "
        + "http://a.test/ (2.9 MiB, 10s)\n",
        log.toString().replace(System.lineSeparator(), "\n"), "nothing after close");
  }
}
