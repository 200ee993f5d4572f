package dev.fetch.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/**
 * Sizes, rates and durations as people read them, for the text format, its summary and the
 * progress display (JSON lines and CSV keep raw numbers).
 *
 * <p>Sizes are binary, as file managers and {@code ls -h} count: {@code 512 bytes},
 * {@code 126.8 KiB}, {@code 3.1 MiB}. Rates are decimal, as network speeds and fetch's
 * {@code compare} table count: {@code 847.3 kB/s}, {@code 2.4 MB/s}. Numbers have one decimal and
 * never show 1024.0 of a unit (or 1000.0 of a rate unit): they move to the next unit instead.
 * Pure functions; the decimal point is always a dot, whatever the locale.
 */
public final class HumanUnits {
  private static final String[] SIZE_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  private static final String[] RATE_UNITS = {"kB/s", "MB/s", "GB/s", "TB/s", "PB/s"};

  private HumanUnits() {}

  /** {@code bytes} as {@code 1 byte}, {@code 1023 bytes}, {@code 1.0 KiB}, {@code 3.1 MiB}. */
  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes == 1 ? "1 byte" : bytes + " bytes";
    }
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1023.95 && unit < SIZE_UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return decimals(value, 1) + " " + SIZE_UNITS[unit];
  }

  /**
   * Whether {@link #size} shows {@code bytes} in a unit rather than exactly: from 1 KiB up. A
   * rate is worth showing from there; for a few bytes it only measures latency.
   */
  public static boolean hasUnit(long bytes) {
    return bytes >= 1024;
  }

  /** {@code bytesPerSecond} as {@code 950 B/s}, {@code 847.3 kB/s}, {@code 2.4 MB/s}. */
  public static String rate(double bytesPerSecond) {
    if (!(bytesPerSecond >= 999.5)) {
      return decimals(bytesPerSecond > 0 ? bytesPerSecond : 0.0, 0) + " B/s";
    }
    double value = bytesPerSecond / 1000;
    int unit = 0;
    while (value >= 999.95 && unit < RATE_UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    return decimals(value, 1) + " " + RATE_UNITS[unit];
  }

  /** {@code bytes} over {@code elapsed} as a {@link #rate}; {@code 0 B/s} for no time at all. */
  public static String rate(long bytes, Duration elapsed) {
    long nanos = elapsed.toNanos();
    return rate(nanos <= 0 ? 0 : bytes * 1e9 / nanos);
  }

  /**
   * {@code value} with {@code places} decimals, rounded half up, as {@code String.format(
   * Locale.ROOT, "%.1f", value)} writes it (HumanUnitsProperties checks that), without parsing
   * a format for every line printed: that was a twentieth of a tiny-file run's CPU.
   */
  static String decimals(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * A duration to wait, rounded up to the second: {@code 0s}, {@code 59s}, {@code 1m05s},
   * {@code 2h03m} (minutes then, not seconds).
   */
  public static String duration(Duration duration) {
    long seconds = Math.max(0, duration.plusNanos(999_999_999).getSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }
}
