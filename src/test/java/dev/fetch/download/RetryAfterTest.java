package dev.fetch.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

  @Test
  void seconds() {
    assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", NOW));
    assertEquals(Duration.ofSeconds(7), RetryAfter.parse("  7 ", NOW));
    assertEquals(Duration.ZERO, RetryAfter.parse("0", NOW));
  }

  @Test
  void dateInTheFuture() {
    assertEquals(Duration.ofSeconds(150),
        RetryAfter.parse("Wed, 21 Oct 2015 07:30:30 GMT", NOW));
  }

  @Test
  void dateInThePastMeansNoWait() {
    assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", NOW));
    assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "-0x1", "soon", "1.5", "5s", "99999999999999999999",
      "2015-10-21T07:30:30Z", "Someday, 32 Oct 2015 07:30:30 GMT"})
  void unusableValuesAreNull(String header) {
    assertNull(RetryAfter.parse(header, NOW));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t"})
  void missingOrBlankIsNull(String header) {
    assertNull(RetryAfter.parse(header, NOW));
  }
}
