package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.RateLimiter;
import dev.fetch.testing.Cli;
import dev.fetch.testing.FakeTime;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --limit-rate} through the command line on fake time: the sleeps asked for add up to
 * the bytes over the rate, and nothing waits for real.
 */
class RateLimitOptionTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  @Test
  void theRequestedSleepsMatchTheRate() {
    FakeTime time = new FakeTime();
    Path list = ListFiles.onServer(dir, server, "/bytes/30000", "/bytes/20000");

    Cli.Result result = Cli.runWithTime(time.time(), "--limit-rate", "10K", "-m", "sequential",
        list.toString());

    assertEquals(0, result.exitCode(), result::toString);
    long slept = time.waits().stream().mapToLong(Duration::toNanos).sum();
    // 50,000 bytes at 10,240 B/s: 4.88 s. (The fake clock moves only by the sleeps themselves,
    // so no reader is ever slower than the rate and no burst credit is earned.)
    long expected = (long) (50_000 * 1e9 / 10_240);
    assertEquals(expected / 1_000_000, slept / 1_000_000, "ms slept: " + time.waits());
    assertTrue(time.waits().stream().allMatch(w -> w.compareTo(RateLimiter.SLICE) <= 0));
  }

  @Test
  void theRateCountsGzipBodiesAsTheyArriveOnTheWire() {
    FakeTime time = new FakeTime();
    Path list = ListFiles.onServer(dir, server, "/gzip/100000");

    Cli.Result result = Cli.runWithTime(time.time(), "--limit-rate", "1K", "-f", "jsonl",
        list.toString());

    assertEquals(0, result.exitCode(), result::toString);
    long slept = time.waits().stream().mapToLong(Duration::toNanos).sum();
    assertTrue(slept < Duration.ofSeconds(10).toNanos(),
        "100,000 decoded bytes compress to a few KB: " + slept + " ns");
    assertTrue(result.out().contains("\"bytes\":100000"), result::toString);
  }

  @ParameterizedTest
  @CsvSource({"fast", "2X", "-1", "99999999999999999999"})
  void aRateThatIsNotOneIsAUsageError(String rate) {
    Cli.Result result = Cli.run("--limit-rate", rate,
        ListFiles.onServer(dir, server, "/a").toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("--limit-rate"), result::toString);
    assertEquals(0, server.getRequestCount());
  }
}
