package dev.fetch.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes one compact JSON object as text with Jackson's streaming generator: the JSON lines
 * output and the worker wire format both speak in such objects. Jackson escapes every control
 * character, so the text is always a single line.
 */
public final class JsonObjects {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonObjects() {}

  /** The fields of one object, written in order. */
  @FunctionalInterface
  public interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  /** {@code {…}} with the given fields, without a line end. */
  public static String write(Fields fields) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** A number field, or {@code null} when there is no value. */
  public static void writeNullable(JsonGenerator json, String name, Number value)
      throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else if (value instanceof Integer) {
      json.writeNumberField(name, value.intValue());
    } else {
      json.writeNumberField(name, value.longValue());
    }
  }
}
