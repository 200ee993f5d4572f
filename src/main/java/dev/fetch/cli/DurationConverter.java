package dev.fetch.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations written as {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, {@code 1h}, or
 * a plain number of seconds ({@code 30}, as curl takes them). {@code 0} means no limit and is
 * returned as {@link Duration#ZERO}. At most {@link #MAX}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  /** The longest duration accepted: OkHttp's timeouts end at about 24 days. */
  static final Duration MAX = Duration.ofDays(24);

  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    Matcher m = FORMAT.matcher(value.trim());
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration; write it like 500ms, 2s, 1.5s, 1m, 1h or 30"
              + " (seconds); 0 means no limit");
    }
    BigDecimal amount = new BigDecimal(m.group(1));
    BigDecimal millis = amount.multiply(BigDecimal.valueOf(unitMillis(m.group(2))));
    if (millis.compareTo(BigDecimal.valueOf(MAX.toMillis())) > 0) {
      throw new TypeConversionException("'" + value + "' is too long; the most is "
          + MAX.toDays() + " days (0 means no limit)");
    }
    if (amount.signum() > 0 && millis.compareTo(BigDecimal.ONE) < 0) {
      throw new TypeConversionException("'" + value + "' is too short; use at least 1ms");
    }
    return Duration.ofMillis(millis.longValue());
  }

  private static long unitMillis(String unit) {
    if (unit == null) {
      return 1_000;
    }
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
