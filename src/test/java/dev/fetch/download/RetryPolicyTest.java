package dev.fetch.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
  /** Near the top of the jitter range [0, 1). */
  static final double ALMOST_ONE = 0.999;

  static RetryPolicy policy(int retries, double jitter) {
    return new RetryPolicy(retries, Duration.ofMillis(250), Duration.ofSeconds(10),
        Duration.ofSeconds(30), () -> jitter);
  }

  static DownloadResult.Failure failure(ErrorKind kind, Integer status) {
    return new DownloadResult.Failure(0, "http://a.test/", status, 0, Duration.ofMillis(1), 1,
        "w", kind, "failed", null);
  }

  static DownloadResult.Failure retryAfter(Duration wait) {
    return new DownloadResult.Failure(0, "http://a.test/", 503, 0, Duration.ofMillis(1), 1,
        "w", ErrorKind.HTTP, "HTTP 503", wait);
  }

  @ParameterizedTest
  @EnumSource(value = ErrorKind.class, names = {"CONNECT", "TIMEOUT", "TRUNCATED", "IO"})
  void transportFailuresAreRetried(ErrorKind kind) {
    assertTrue(policy(3, 0).isRetryable(failure(kind, null)));
  }

  @ParameterizedTest
  @EnumSource(value = ErrorKind.class, names = {"DNS", "INVALID_URL", "TLS"})
  void unknownHostsInvalidUrlsAndTlsRefusalsAreNotRetried(ErrorKind kind) {
    assertFalse(policy(3, 0).isRetryable(failure(kind, null)));
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
  void someStatusesAreRetried(int status) {
    assertTrue(policy(3, 0).isRetryable(failure(ErrorKind.HTTP, status)));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 410, 451})
  void otherStatusesAreNotRetried(int status) {
    assertFalse(policy(3, 0).isRetryable(failure(ErrorKind.HTTP, status)));
  }

  @Test
  void httpFailureWithoutStatusIsNotRetried() {
    assertFalse(policy(3, 0).isRetryable(failure(ErrorKind.HTTP, null)));
  }

  @Test
  void lowestJitterGivesHalfTheDelay() {
    assertEquals(Duration.ofMillis(125),
        policy(3, 0.0).delayAfter(1, failure(ErrorKind.CONNECT, null)));
  }

  @Test
  void highestJitterGivesAlmostTheWholeDelay() {
    assertEquals(Duration.ofMillis(249),
        policy(3, ALMOST_ONE).delayAfter(1, failure(ErrorKind.CONNECT, null)));
  }

  @Test
  void delayDoublesUpToTheMaximum() {
    RetryPolicy policy = policy(50, 0.0);
    List<Long> delays = new ArrayList<>();
    for (int attempt = 1; attempt <= 9; attempt++) {
      delays.add(policy.delayAfter(attempt, failure(ErrorKind.TIMEOUT, null)).toMillis());
    }
    assertEquals(List.of(125L, 250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L), delays);
    assertEquals(Duration.ofMillis(9995), policy(50, ALMOST_ONE).delayAfter(7,
        failure(ErrorKind.TIMEOUT, null)));
  }

  @Test
  void veryLateAttemptsDoNotOverflow() {
    assertEquals(Duration.ofSeconds(5),
        policy(1000, 0.0).delayAfter(1000, failure(ErrorKind.TIMEOUT, null)));
  }

  @Test
  void retryAfterReplacesBackoff() {
    assertEquals(Duration.ofSeconds(3), policy(3, 0.0).delayAfter(1, retryAfter(
        Duration.ofSeconds(3))));
    assertEquals(Duration.ZERO, policy(3, ALMOST_ONE).delayAfter(4, retryAfter(Duration.ZERO)));
  }

  @Test
  void retryAfterIsCapped() {
    assertEquals(Duration.ofSeconds(30), policy(3, 0.0).delayAfter(1, retryAfter(
        Duration.ofSeconds(3600))));
    assertEquals(Duration.ofSeconds(30), policy(3, 0.0).delayAfter(1, retryAfter(
        Duration.ofSeconds(30))));
  }

  @Test
  void negativeRetriesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> policy(-1, 0.0));
  }

  @Test
  void standardPolicy() {
    RetryPolicy policy = RetryPolicy.standard(2);
    assertEquals(2, policy.retries());
    assertEquals(Duration.ofMillis(250), policy.baseDelay());
    assertEquals(Duration.ofSeconds(10), policy.maxDelay());
    assertEquals(Duration.ofSeconds(30), policy.maxRetryAfter());
    for (int i = 0; i < 100; i++) {
      long delay = policy.delayAfter(1, failure(ErrorKind.IO, null)).toMillis();
      assertTrue(delay >= 125 && delay < 250, "delay " + delay);
    }
  }
}
