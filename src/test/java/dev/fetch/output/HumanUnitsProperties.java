package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** Sizes and rates read exactly as {@code String.format} would write them. */
class HumanUnitsProperties {
  @Property(tries = 3000)
  void decimalsAreWhatFormatWrites(@ForAll @DoubleRange(min = 0, max = 1e7) double value) {
    assertEquals(String.format(Locale.ROOT, "%.1f", value), HumanUnits.decimals(value, 1));
    assertEquals(String.format(Locale.ROOT, "%.0f", value), HumanUnits.decimals(value, 0));
    assertEquals(String.format(Locale.ROOT, "%.3f", value), HumanUnits.decimals(value, 3));
  }

  @Property(tries = 1000)
  void halvesRoundUpAsFormatRoundsThem(@ForAll @LongRange(min = 0, max = 10_000_000) long n) {
    double half = n / 20.0;
    assertEquals(String.format(Locale.ROOT, "%.1f", half), HumanUnits.decimals(half, 1));
    assertEquals(String.format(Locale.ROOT, "%.0f", n / 2.0), HumanUnits.decimals(n / 2.0, 0));
    double thousandths = n / 2000.0;
    assertEquals(String.format(Locale.ROOT, "%.3f", thousandths),
        HumanUnits.decimals(thousandths, 3));
  }

  @Property(tries = 2000)
  void sizesAreWhatFormatWrites(@ForAll @LongRange(min = 1024, max = Long.MAX_VALUE) long bytes) {
    double value = bytes / 1024.0;
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int unit = 0;
    while (value >= 1023.95 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    assertEquals(String.format(Locale.ROOT, "%.1f %s", value, units[unit]),
        HumanUnits.size(bytes));
  }
}
