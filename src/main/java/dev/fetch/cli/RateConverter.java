package dev.fetch.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a rate in bytes per second as curl's {@code --limit-rate} takes it: a number, with
 * {@code K}, {@code M}, {@code G} or {@code T} for binary multiples ({@code 500K} is 512,000
 * bytes per second, {@code 2M} 2,097,152); {@code 0} means no limit.
 */
final class RateConverter implements ITypeConverter<Long> {
  private final SizeConverter sizes = new SizeConverter();

  @Override
  public Long convert(String value) {
    try {
      return sizes.convert(value);
    } catch (TypeConversionException e) {
      throw new TypeConversionException(e.getMessage().startsWith("'" + value + "' is too large")
          ? e.getMessage() : "'" + value + "' is not a rate; write bytes per second like 500K, "
              + "2M or 100000 (0 means no limit)");
    }
  }
}
