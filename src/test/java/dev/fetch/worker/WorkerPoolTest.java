package dev.fetch.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fetch.download.DownloadSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reply deadline's arithmetic; ProcessPoolTest shows a real worker missing it. */
class WorkerPoolTest {
  @Test
  void theDeadlineIsOneAttemptPlusTheMarginWhateverTheRetries() {
    DownloadSettings settings = DownloadSettings.builder().connectTimeout(Duration.ofSeconds(10))
        .timeout(Duration.ofSeconds(120)).retries(2).build();

    // The parent retries and waits out back-offs itself: a worker answers for one attempt.
    assertEquals(Duration.ofSeconds(10 + 120 + 5),
        WorkerPool.replyDeadline(settings, Duration.ofSeconds(5)));
    assertEquals(WorkerPool.replyDeadline(settings.toBuilder().retries(0).build(),
        Duration.ofSeconds(5)), WorkerPool.replyDeadline(settings, Duration.ofSeconds(5)));
  }

  @Test
  void theProductionDeadlineComesFromTheSettings() {
    assertEquals(Duration.ofSeconds(130).plus(WorkerPool.REPLY_MARGIN),
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
  }

  @Test
  void secondsAreShownWithoutTrailingZeros() {
    assertEquals("3", WorkerProcess.seconds(Duration.ofSeconds(3)));
    assertEquals("2.5", WorkerProcess.seconds(Duration.ofMillis(2500)));
  }
}
