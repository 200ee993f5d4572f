package dev.fetch.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads comma-separated worker counts: {@code 1,2,4,8}. */
final class ListOption implements ITypeConverter<List<Integer>> {
  @Override
  public List<Integer> convert(String value) {
    List<Integer> numbers = new ArrayList<>();
    for (String part : value.split(",")) {
      try {
        int n = Integer.parseInt(part.trim());
        if (n < 1 || n > 10_000) {
          throw new TypeConversionException("worker counts must be between 1 and 10000, not "
              + n);
        }
        if (!numbers.contains(n)) {
          numbers.add(n);
        }
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a list of worker counts like "
            + "1,2,4,8");
      }
    }
    return numbers;
  }
}
