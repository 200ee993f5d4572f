package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanUnitsTest {
  @ParameterizedTest
  @CsvSource({
      "0, 0 bytes",
      "1, 1 byte",
      "1023, 1023 bytes",
      "1024, 1.0 KiB",
      "129886, 126.8 KiB",
      "1048524, 1023.9 KiB",
      "1048525, 1.0 MiB",
      "3250585, 3.1 MiB",
      "20971520, 20.0 MiB",
      "1073741824, 1.0 GiB",
      "9223372036854775807, 8.0 EiB"})
  void sizesAreBinary(long bytes, String expected) {
    assertEquals(expected, HumanUnits.size(bytes));
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0 B/s",
      "999.4, 999 B/s",
      "999.5, 1.0 kB/s",
      "847312, 847.3 kB/s",
      "999949, 999.9 kB/s",
      "999950, 1.0 MB/s",
      "2400000, 2.4 MB/s",
      "2.2e9, 2.2 GB/s",
      "-5, 0 B/s",
      "NaN, 0 B/s"})
  void ratesAreDecimal(double bytesPerSecond, String expected) {
    assertEquals(expected, HumanUnits.rate(bytesPerSecond));
  }

  @Test
  void rateOverADuration() {
    assertEquals("1.3 MB/s", HumanUnits.rate(20_000_000, Duration.ofSeconds(15)));
    assertEquals("0 B/s", HumanUnits.rate(100, Duration.ZERO));
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0s",
      "1, 1s",
      "1000, 1s",
      "1001, 2s",
      "59000, 59s",
      "60000, 1m00s",
      "65000, 1m05s",
      "3599000, 59m59s",
      "3600000, 1h00m",
      "7380000, 2h03m"})
  void durationsRoundUpToTheSecond(long millis, String expected) {
    assertEquals(expected, HumanUnits.duration(Duration.ofMillis(millis)));
  }

  @Test
  void aUnitFromOneKibibyte() {
    assertFalse(HumanUnits.hasUnit(1023));
    assertTrue(HumanUnits.hasUnit(1024));
  }
}
