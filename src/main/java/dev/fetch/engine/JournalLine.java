package dev.fetch.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One line of a results journal ({@code --results}, or what {@code -f jsonl} printed), read for
 * what {@code --skip-done} needs: a {@code "type":"result"} object's {@code url} and whether it
 * was a success. A success is a result whose {@code outcome} is not {@code "failed"}; a line
 * written before results had an outcome counts as a success when its {@code error_kind} is null.
 * Other fields are skipped unread, so fields added later change nothing.
 *
 * @param kind a result, another well-formed line (a summary), or a malformed one
 * @param url a result's URL as recorded (credentials redacted, as every output shows it), or null
 * @param success whether a result's body was downloaded, up to date or kept
 */
record JournalLine(Kind kind, String url, boolean success) {
  private static final JsonFactory JSON = new JsonFactory();

  /** What a line is. */
  enum Kind {
    RESULT,
    /** A JSON object with another {@code type}, such as the run's summary. */
    OTHER,
    /** Not one JSON object with a {@code type} (a line cut short), or a result without a URL. */
    MALFORMED
  }

  static final JournalLine NOT_A_RESULT = new JournalLine(Kind.MALFORMED, null, false);
  static final JournalLine OTHER = new JournalLine(Kind.OTHER, null, false);

  /**
   * Reads {@code length} bytes of UTF-8 from {@code bytes} at {@code offset}, one line without its
   * line end.
   *
   * @return the line, of kind {@link Kind#MALFORMED} for anything that is not one JSON object
   */
  static JournalLine parse(byte[] bytes, int offset, int length) {
    try (JsonParser json = JSON.createParser(bytes, offset, length)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return NOT_A_RESULT;
      }
      String type = null;
      String url = null;
      String outcome = null;
      boolean errorKind = false;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "type":
            type = value == JsonToken.VALUE_STRING ? json.getText() : null;
            break;
          case "url":
            url = value == JsonToken.VALUE_STRING ? json.getText() : null;
            break;
          case "outcome":
            outcome = value == JsonToken.VALUE_STRING ? json.getText() : null;
            break;
          case "error_kind":
            errorKind = value != JsonToken.VALUE_NULL;
            break;
          default:
            json.skipChildren();
        }
      }
      if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
        return NOT_A_RESULT;
      }
      if (type == null) {
        return NOT_A_RESULT;
      }
      if (!type.equals("result")) {
        return OTHER;
      }
      if (url == null) {
        return NOT_A_RESULT;
      }
      return new JournalLine(Kind.RESULT, url, outcome != null ? !outcome.equals("failed") : !errorKind);
    } catch (IOException e) {
      return NOT_A_RESULT; // not JSON, or cut short
    }
  }
}
