package dev.fetch.server;

import java.util.List;
import java.util.Map;

/** A request's query parameters, read as checked numbers. */
final class Query {
  private final Map<String, List<String>> parameters;

  Query(Map<String, List<String>> parameters) {
    this.parameters = parameters;
  }

  String text(String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The parameter as a number in [min, max], or {@code absent} when it is not given. */
  long number(String name, long absent, long min, long max) {
    String value = text(name);
    return value == null ? absent : parse(name, value, min, max);
  }

  /** {@code value} as a number in [min, max]; a {@link BadRequestException} otherwise. */
  static long parse(String name, String value, long min, long max) {
    if (value == null) {
      throw new BadRequestException("missing " + name);
    }
    try {
      long number = Long.parseLong(value);
      if (number < min || number > max) {
        throw new BadRequestException(name + " must be between " + min + " and " + max
            + ", not " + value);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a whole number, not '" + value + "'");
    }
  }
}
