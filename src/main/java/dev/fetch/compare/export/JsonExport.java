package dev.fetch.compare.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fetch.compare.Comparison;
import java.io.UncheckedIOException;

/**
 * {@code --export-json}: the whole {@link Comparison} — environment, every run with every URL's
 * record, statistics, speed-ups, warnings — in snake_case, modes by their lower-case names. Numbers
 * that do not exist (no usable run) are the string {@code "NaN"}. Pure.
 */
public final class JsonExport {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private JsonExport() {}

  public static String render(Comparison comparison) {
    try {
      return MAPPER.writeValueAsString(comparison) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
