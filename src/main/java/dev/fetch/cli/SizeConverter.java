package dev.fetch.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads sizes: bytes ({@code 1000}) or with a binary suffix ({@code 512K}, {@code 10M}, {@code 2G}). */
final class SizeConverter implements ITypeConverter<Long> {
  private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*([KMGT]?)(I?B)?");

  @Override
  public Long convert(String value) {
    Matcher m = FORMAT.matcher(value.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a size; write it like 1000, "
          + "512K, 10M or 2G");
    }
    String unit = m.group(2);
    int shift = unit.isEmpty() ? 0 : 10 * ("KMGT".indexOf(unit) + 1);
    long number;
    try {
      number = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is too large");
    }
    long bytes = number << shift;
    if ((bytes >> shift) != number || bytes < 0) {
      throw new TypeConversionException("'" + value + "' is too large");
    }
    return bytes;
  }
}
