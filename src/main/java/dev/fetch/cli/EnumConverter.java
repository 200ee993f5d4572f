package dev.fetch.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum option by the lower-case name users type ({@code threads}), ignoring case, and
 * lists the accepted names when the value is wrong.
 */
final class EnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
  private final Class<E> type;

  EnumConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public E convert(String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.toString().equalsIgnoreCase(value.trim())) {
        return constant;
      }
    }
    throw new TypeConversionException("'" + value + "' is not one of " + Arrays
        .stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
  }
}
