package dev.fetch.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fetch.download.DownloadSettings;
import dev.fetch.download.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reply deadline's arithmetic; ProcessPoolTest shows a real worker missing it. */
class WorkerPoolTest {
  @Test
  void theDeadlineIsEveryAttemptWithEveryBackOffPlusTheMargin() {
    DownloadSettings settings = DownloadSettings.builder().connectTimeout(Duration.ofSeconds(10))
        .timeout(Duration.ofSeconds(120)).retries(2).build();

    // 3 attempts × (10 s + 120 s) + 2 back-offs × 30 s + 5 s.
    assertEquals(Duration.ofSeconds(3 * 130 + 2 * 30 + 5),
        WorkerPool.replyDeadline(settings, Duration.ofSeconds(5)));
    assertEquals(RetryPolicy.DEFAULT_MAX_RETRY_AFTER, Duration.ofSeconds(30));
  }

  @Test
  void withoutRetriesTheDeadlineIsOneAttemptPlusTheMargin() {
    DownloadSettings settings = DownloadSettings.builder().connectTimeout(Duration.ofMillis(500))
        .timeout(Duration.ofSeconds(2)).retries(0).build();

    assertEquals(Duration.ofMillis(3000),
        WorkerPool.replyDeadline(settings, Duration.ofMillis(500)));
  }

  @Test
  void theProductionDeadlineComesFromTheSettings() {
    assertEquals(Duration.ofSeconds(3 * 130 + 2 * 30).plus(WorkerPool.REPLY_MARGIN),
        WorkerPool.replyDeadline(DownloadSettings.defaults(4), WorkerPool.REPLY_MARGIN));
  }

  @Test
  void noTimeoutMeansNoDeadline() {
    assertNull(WorkerPool.replyDeadline(DownloadSettings.builder().timeout(Duration.ZERO)
        .build(), WorkerPool.REPLY_MARGIN));
  }

  @Test
  void aDeadlineTooLongForNanosecondsIsNoDeadlineNotAnOverflow() {
    assertNull(WorkerPool.replyDeadline(DownloadSettings.builder()
        .timeout(Duration.ofSeconds(Long.MAX_VALUE / 4)).build(), WorkerPool.REPLY_MARGIN));
    assertNull(WorkerPool.replyDeadline(DownloadSettings.builder()
        .timeout(Duration.ofDays(365L * 200)).retries(1_000).build(), WorkerPool.REPLY_MARGIN));
  }

  @Test
  void secondsAreShownWithoutTrailingZeros() {
    assertEquals("3", WorkerProcess.seconds(Duration.ofSeconds(3)));
    assertEquals("2.5", WorkerProcess.seconds(Duration.ofMillis(2500)));
  }
}
