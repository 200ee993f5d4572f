package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetch.download.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RetryAfter} never gives a wait longer than a year, however far away a server says, so
 * no later arithmetic on it ({@code toNanos} when a worker sends a result) overflows. Here with
 * the HTTP tests because the values are what {@link ResponseChecks} lets through.
 */
class RetryAfterCapsTest {
  private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"99999999999", "2147483647", "9223372036854775807", "31536001"})
  void hugeSecondsAreCappedAtAYear(String header) {
    Duration wait = RetryAfter.parse(header, NOW);

    assertEquals(Duration.ofDays(365), wait);
    assertEquals(Duration.ofDays(365).toNanos(), wait.toNanos());
  }

  @Test
  void aYearIsKept() {
    assertEquals(Duration.ofSeconds(31_536_000), RetryAfter.parse("31536000", NOW));
  }

  @Test
  void aDateCenturiesAwayIsCappedAtAYear() {
    Duration wait = RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW);

    assertEquals(Duration.ofDays(365), wait);
    assertEquals(Duration.ofDays(365).toNanos(), wait.toNanos());
  }

  @Test
  void theClampedValueOfResponseChecksIsCappedToo() {
    assertEquals(Duration.ofDays(365), RetryAfter.parse(ResponseChecks.MAX_RETRY_AFTER, NOW));
  }
}
