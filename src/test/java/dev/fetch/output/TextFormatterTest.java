package dev.fetch.output;

import dev.fetch.engine.RunSummary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadResult.Failure;
import dev.fetch.download.DownloadResult.Success;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextFormatterTest {
  private final TextFormatter text = new TextFormatter();

  static final Success SUCCESS = new Success(
      0, "https://example.com/wiki/Portal:Arts", 200, 129886, Duration.ofNanos(153_412_000), 1,
      "worker-1", "h2");
  static final Failure HTTP_FAILURE = new Failure(
      1, "https://example.com/missing", 404, 9, Duration.ofNanos(12_499_999), 3, "worker-2",
      ErrorKind.HTTP, "HTTP 404 Not Found", null, "http/1.1");
  static final Failure TRANSPORT_FAILURE = new Failure(
      2, "http://down.test:81/", null, 0, Duration.ofNanos(5_000_500), 1, "worker-1",
      ErrorKind.CONNECT, "cannot connect: Connection refused", Duration.ofSeconds(1));
  static final Failure INVALID_URL = Failure.beforeRequest(
      3, "ftp://files.test/a", ErrorKind.INVALID_URL,
      "list.txt:5: unsupported scheme 'ftp' (only http and https)");

  static final RunSummary NORMAL = new RunSummary(
      "threads", 5, 15, 14, 1, 2961726, Duration.ofMillis(612), 0, false);
  static final RunSummary INTERRUPTED = new RunSummary(
      "virtual", 4, 7, 5, 2, 100, Duration.ofNanos(1_234_567_890), 3, true);
  static final RunSummary SINGULAR = new RunSummary(
      "sequential", 1, 1, 1, 0, 10, Duration.ofNanos(4_500_000), 0, false);
  static final RunSummary CRASHED = new RunSummary(
      "processes", 2, 3, 2, 1, 30, Duration.ofSeconds(2), 0, false, 4);

  @Test
  void noHeader() {
    assertEquals("", text.header());
    assertTrue(text.summaryOnStdout());
  }

  @Test
  void success() {
    assertEquals(
        "Read 126.8 KiB from https://example.com/wiki/Portal:Arts (200, 153 ms, 846.6 kB/s)\n",
        text.result(SUCCESS));
  }

  @Test
  void savedFileFollowsItsUrlUnderTheOutputDirectoryAsNamed() {
    TextFormatter saving = new TextFormatter(Path.of("pages"));
    assertEquals("Read 126.8 KiB from https://example.com/wiki/Portal:Arts -> pages/Portal:Arts"
        + " (200, 153 ms, 846.6 kB/s)\n",
        saving.result(SUCCESS.savedAs("Portal:Arts", 129886)));
  }

  @Test
  void upToDateAndSkippedFilesSayWhereTheyAre() {
    TextFormatter saving = new TextFormatter(Path.of("pages"));
    Success notModified = new Success(4, "http://a.test/x", 304, 0, Duration.ofMillis(2), 1,
        "worker-1", "http/1.1", Outcome.NOT_MODIFIED, "x", 10);
    assertEquals("Up to date http://a.test/x -> pages/x (304, 2 ms)\n",
        saving.result(notModified));
    assertEquals("Skipped http://a.test/\\u001b -> pages/\\u001b\n",
        saving.result(Success.skipped(5, "http://a.test/\u001b", "\u001b", 3)));
  }

  @Test
  void summaryCountsEachOutcomeWhenSomeFilesWereKept() {
    RunSummary kept = new RunSummary("threads", 5, 15, 13, 2, 2048, Duration.ofMillis(612), 0,
        false, 0, 3, 2);
    assertEquals("15 URLs in 0.612 s: 8 downloaded, 3 up to date, 2 skipped, 2 failed, 2.0 KiB,"
        + " 3.3 kB/s (threads, 5 workers)\n", text.summary(kept));
  }

  @Test
  void httpFailureAfterRetries() {
    assertEquals(
        "FAILED https://example.com/missing: HTTP 404 Not Found (404, 12 ms, 3 attempts)\n",
        text.result(HTTP_FAILURE));
  }

  @Test
  void transportFailureHasNoStatus() {
    assertEquals(
        "FAILED http://down.test:81/: cannot connect: Connection refused (5 ms)\n",
        text.result(TRANSPORT_FAILURE));
  }

  @Test
  void invalidUrlHasNoTimings() {
    assertEquals(
        "FAILED ftp://files.test/a: list.txt:5: unsupported scheme 'ftp' (only http and https)\n",
        text.result(INVALID_URL));
  }

  @Test
  void millisecondsAreRounded() {
    DownloadResult result = new Success(0, "http://a.test/", 204, 0,
        Duration.ofNanos(2_500_000), 2, "w");
    assertEquals("Read 0 bytes from http://a.test/ (204, 3 ms, 2 attempts)\n",
        text.result(result));
  }

  @Test
  void summary() {
    assertEquals(
        "15 URLs in 0.612 s: 14 succeeded, 1 failed, 2.8 MiB, 4.8 MB/s (threads, 5 workers)\n",
        text.summary(NORMAL));
  }

  @Test
  void interruptedSummaryCountsUnfinished() {
    assertEquals("Interrupted: 7 URLs in 1.235 s: 5 succeeded, 2 failed, 100 bytes,"
        + " 3 unfinished (virtual, 4 workers)\n", text.summary(INTERRUPTED));
  }

  @Test
  void singularSummary() {
    assertEquals("1 URL in 0.005 s: 1 succeeded, 0 failed, 10 bytes (sequential, 1 worker)\n",
        text.summary(SINGULAR));
  }

  @Test
  void workerCrashesAreCountedOnlyWhenThereWereSome() {
    assertEquals("3 URLs in 2.000 s: 2 succeeded, 1 failed, 30 bytes, 4 worker crashes"
        + " (processes, 2 workers)\n", text.summary(CRASHED));
    assertEquals("3 URLs in 2.000 s: 2 succeeded, 1 failed, 30 bytes, 1 worker crash"
        + " (processes, 2 workers)\n", text.summary(CRASHED.withWorkerCrashes(1)));
  }

  @Test
  void escapesControlCharactersInUrl() {
    DownloadResult result = new Success(0, "http://evil.test/\u001b[2J\r\u0007", 200, 1,
        Duration.ofMillis(1), 1, "w");
    assertEquals(
        "Read 1 byte from http://evil.test/\\u001b[2J\\u000d\\u0007 (200, 1 ms)\n",
        text.result(result));
  }

  @Test
  void escapesControlCharactersInMessage() {
    DownloadResult result = new Failure(0, "http://a.test/", 500, 0, Duration.ofMillis(1), 1,
        "w", ErrorKind.HTTP, "HTTP 500 \u001b]0;owned\u0007\r\nnext\u009b\u2028end", null);
    assertEquals("FAILED http://a.test/: HTTP 500 \\u001b]0;owned\\u0007\\u000d\\u000anext"
        + "\\u009b\\u2028end (500, 1 ms)\n", text.result(result));
  }

  @Test
  void escapesControlCharactersInInvalidLine() {
    assertEquals("FAILED http://a.test/\\u0000x: list.txt:1: contains a control character"
        + " (U+0000)\n", text.result(Failure.beforeRequest(0, "http://a.test/\u0000x",
            ErrorKind.INVALID_URL, "list.txt:1: contains a control character (U+0000)")));
  }

  @Test
  void leavesOrdinaryUnicodeAlone() {
    DownloadResult result = new Success(0, "http://a.test/caf\u00e9/\u65e5\u672c", 200, 1,
        Duration.ofMillis(1), 1, "w");
    assertEquals("Read 1 byte from http://a.test/caf\u00e9/\u65e5\u672c (200, 1 ms)\n",
        text.result(result));
  }
}
