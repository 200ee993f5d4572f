package dev.fetch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.input.Inputs;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunSinkTest {
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicLong clockMillis = new AtomicLong();
  private final List<String> seen = new ArrayList<>();
  private final RunSink sink = new RunSink(
      (result, at) -> seen.add(result.index() + "@" + at.toMillis()),
      new CountingEntries(Inputs.of("-").open(InputStream.nullInputStream())), cancelled::get, () -> { },
      () -> Duration.ofMillis(clockMillis.get()));

  private static DownloadResult failure(int index) {
    return new DownloadResult.Failure(index, "http://a.test/" + index, 404, 10, Duration.ZERO, 1,
        "w", ErrorKind.HTTP, "HTTP 404", null);
  }

  private static DownloadResult ok(int index) {
    return new DownloadResult.Success(index, "http://a.test/" + index, 200, 5, Duration.ZERO, 1,
        "w");
  }

  @Test
  void aResultHeldForInputOrderKeepsTheTimeItArrived() {
    clockMillis.set(100);
    sink.arrived(ok(1));
    clockMillis.set(5000);
    sink.arrived(ok(0));
    sink.accept(ok(0));
    sink.accept(ok(1));

    assertEquals(List.of("0@5000", "1@100"), seen);
  }

  /** A failure that finished before Ctrl-C is a failure, even if it was held for input order. */
  @Test
  void onlyFailuresArrivingAfterTheCancelAreLeftUnfinished() {
    sink.arrived(failure(1));
    cancelled.set(true);
    sink.arrived(failure(0));
    sink.accept(failure(0));
    sink.accept(failure(1));

    assertEquals(List.of("1@0"), seen);
    RunSummary summary = sink.summary("threads", 2, Duration.ZERO, 1, true, 0);
    assertEquals(1, summary.failed());
    assertEquals(1, summary.urls());
  }
}
