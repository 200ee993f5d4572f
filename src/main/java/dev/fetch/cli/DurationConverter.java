package dev.fetch.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations written as {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m} or {@code 1h}. */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    Matcher m = FORMAT.matcher(value.trim());
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration; write it like 500ms, 2s, 1.5s, 1m or 1h");
    }
    BigDecimal amount = new BigDecimal(m.group(1));
    BigDecimal millisPerUnit = BigDecimal.valueOf(unitMillis(m.group(2)));
    Duration duration = Duration.ofMillis(amount.multiply(millisPerUnit).longValue());
    if (duration.isZero()) {
      throw new TypeConversionException("'" + value + "' is too short; use at least 1ms");
    }
    return duration;
  }

  private static long unitMillis(String unit) {
    switch (unit) {
      case "ms":
        return 1;
      case "s":
        return 1_000;
      case "m":
        return 60_000;
      default:
        return 3_600_000;
    }
  }
}
