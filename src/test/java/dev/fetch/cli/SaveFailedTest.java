package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.Cli;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.ManualInterrupts;
import dev.fetch.testing.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --save-failed} holds every URL that was not downloaded — failed, in flight, never
 * started — as listed, so a run stopped early is resumed by feeding the file back, even when the
 * file is the list itself.
 */
class SaveFailedTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();
  private final CountDownLatch stalled = new CountDownLatch(1);
  private final AtomicInteger holds = new AtomicInteger();

  {
    TestSite site = new TestSite();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/hold-once") && holds.getAndIncrement() == 0) {
          stalled.countDown();
          return new MockResponse.Builder().body("held")
              .onResponseBody(SocketEffect.Stall.INSTANCE).build();
        }
        return site.dispatch(request);
      }
    });
  }

  @Test
  @Timeout(30)
  void anInterruptedRunSavingOverItsOwnListKeepsEveryUrlNotDownloaded() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(server.url("/status/404").toString());
    lines.add(server.url("/hold-once").toString());
    for (int i = 1; i <= 6; i++) {
      lines.add(server.url("/bytes/" + i).toString());
    }
    String withCredentials = server.url("/bytes/9").toString()
        .replace("http://", "http://alice:s3cret@");
    lines.add(withCredentials);
    Path list = ListFiles.write(dir, lines);
    ManualInterrupts interrupts = new ManualInterrupts();

    CompletableFuture<Cli.Result> first = CompletableFuture.supplyAsync(() -> Cli.runWith(
        interrupts, InputStream.nullInputStream(), "-m", "sequential", "--retries", "0", "-q",
        list.toString(), "--save-failed", list.toString()));
    assertTrue(stalled.await(10, TimeUnit.SECONDS), "the second URL is in flight");
    interrupts.fire(ExitCodes.INTERRUPTED);
    Cli.Result stopped = first.get(20, TimeUnit.SECONDS);

    assertEquals(ExitCodes.INTERRUPTED, stopped.exitCode(), stopped::toString);
    assertEquals(lines, Files.readAllLines(list, StandardCharsets.UTF_8),
        "the 404, the URL in flight and every URL never started, credentials kept");

    Cli.Result resumed = Cli.run("-m", "sequential", "--retries", "0", "-q", list.toString(),
        "--save-failed", list.toString());

    assertEquals(ExitCodes.FAILURES, resumed.exitCode(), resumed::toString);
    assertTrue(resumed.out().contains("9 URLs") && resumed.out().contains("8 succeeded"),
        resumed::toString);
    assertEquals(List.of(lines.get(0)), Files.readAllLines(list, StandardCharsets.UTF_8),
        "only the URL that failed again is left");
  }
}
