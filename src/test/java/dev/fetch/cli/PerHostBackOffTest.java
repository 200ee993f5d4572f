package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.Modes;
import dev.fetch.testing.TestSite;
import dev.fetch.time.Scheduler;
import dev.fetch.time.Sleeper;
import dev.fetch.time.Ticker;
import dev.fetch.time.Time;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A URL waiting out its retry back-off holds no {@code --per-host} place, in every mode with more
 * than one worker ({@code processes} included: its parent, not the worker, waits). Two URLs on
 * one host fail once each with {@code --per-host 1}: each back-off waits, with a deadline, until
 * both have made their first request, which can only happen if the first to fail gave its place
 * up before waiting.
 */
class PerHostBackOffTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();
  private final CountDownLatch bothTried = new CountDownLatch(2);
  private final List<Duration> backOffs = new CopyOnWriteArrayList<>();
  private volatile boolean placeHeld;

  {
    TestSite site = new TestSite();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        bothTried.countDown();
        return site.dispatch(request);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, names = "SEQUENTIAL", mode = EnumSource.Mode.EXCLUDE)
  void theOtherUrlOfTheHostRunsDuringTheBackOff(Mode mode) {
    Modes.assumeAvailable(mode);
    Path list = ListFiles.onServer(dir, server, "/flaky/a?fails=1&status=503",
        "/flaky/b?fails=1&status=503");

    Cli.Result result = Cli.run(new Outside(InputStream.nullInputStream(), true, Map.of(),
        Interrupts.none(), time()), "--mode", mode.toString(), "--workers", "2",
        "--per-host", "1", "--retries", "1", "-f", "jsonl", list.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertFalse(placeHeld, "a back-off began while its URL still held the host's only place");
    assertEquals(2, backOffs.size(), () -> "back-offs waited in this process: " + backOffs);
    for (JsonNode line : JsonLines.results(result)) {
      assertEquals(2, line.get("attempts").asInt(), line::toString);
    }
  }

  /** Waits that pass once both URLs have been tried (or after a deadline, noted as a failure). */
  private Time time() {
    Sleeper sleeper = duration -> {
      backOffs.add(duration);
      awaitBothTried();
    };
    Scheduler scheduler = (delay, task) -> {
      backOffs.add(delay);
      Thread waiter = new Thread(() -> {
        awaitBothTried();
        task.run();
      }, "test-back-off");
      waiter.setDaemon(true);
      waiter.start();
    };
    return new Time(Ticker.system(), Clock.systemUTC(), sleeper, scheduler);
  }

  private void awaitBothTried() {
    try {
      if (!bothTried.await(20, TimeUnit.SECONDS)) {
        placeHeld = true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
