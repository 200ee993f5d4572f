package dev.fetch.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
    JournalLine written = asWritten(bytes, offset, length);
    return written != null ? written : parsed(bytes, offset, length);
  }

  /** The line read by a JSON parser: any field order, any escapes. */
  static JournalLine parsed(byte[] bytes, int offset, int length) {
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

  private static final byte[] RESULT_START = ascii("{\"type\":\"result\",\"index\":");
  private static final byte[] URL = ascii(",\"url\":\"");
  private static final byte[] OUTCOME = ascii("\"outcome\":\"");
  private static final byte[] PATH = ascii(",\"path\":");
  private static final byte[] FILE_BYTES = ascii(",\"file_bytes\":");
  private static final byte[] FAILED = ascii("failed");
  private static final byte[] NULL = ascii("null");

  /**
   * The line read by position, when it is a result exactly as fetch writes it (fields in
   * {@code JsonLinesFormatter}'s order, a URL and path without escapes, the line whole up to its
   * closing brace), about ten times faster than {@link #parsed} under C1; null for any other
   * line, which the parser reads. What it returns is what {@link #parsed} returns for the line.
   * The {@code outcome} is found by its quoted name: inside a JSON string a quote is escaped, so
   * {@code "outcome":"} cannot occur there.
   */
  static JournalLine asWritten(byte[] b, int offset, int length) {
    int end = offset + length;
    if (length == 0 || b[end - 1] != '}' || !startsWith(b, offset, end, RESULT_START)) {
      return null;
    }
    int i = offset + RESULT_START.length;
    int digits = i;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    if (i == digits || !startsWith(b, i, end, URL)) {
      return null;
    }
    int urlStart = i + URL.length;
    int urlEnd = plainStringEnd(b, urlStart, end);
    if (urlEnd < 0) {
      return null;
    }
    int outcome = indexOf(b, urlEnd + 1, end, OUTCOME);
    if (outcome < 0) {
      return null;
    }
    int outcomeStart = outcome + OUTCOME.length;
    int outcomeEnd = plainStringEnd(b, outcomeStart, end);
    if (outcomeEnd < 0 || !startsWith(b, outcomeEnd + 1, end, PATH)) {
      return null;
    }
    i = outcomeEnd + 1 + PATH.length;
    if (startsWith(b, i, end, NULL)) {
      i += 4;
    } else if (i < end && b[i] == '"') {
      int pathEnd = plainStringEnd(b, i + 1, end);
      if (pathEnd < 0) {
        return null;
      }
      i = pathEnd + 1;
    } else {
      return null;
    }
    if (!startsWith(b, i, end, FILE_BYTES)) {
      return null;
    }
    i += FILE_BYTES.length;
    if (startsWith(b, i, end, NULL)) {
      i += 4;
    } else {
      int number = i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == number) {
        return null;
      }
    }
    if (i != end - 1) {
      return null;
    }
    boolean failed = outcomeEnd - outcomeStart == FAILED.length
        && startsWith(b, outcomeStart, outcomeEnd, FAILED);
    return new JournalLine(Kind.RESULT,
        new String(b, urlStart, urlEnd - urlStart, StandardCharsets.UTF_8), !failed);
  }

  /** Where the string starting at {@code from} ends (its closing quote), or -1 if it has escapes. */
  private static int plainStringEnd(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (b[i] == '"') {
        return i;
      }
      if (b[i] == '\\' || (b[i] >= 0 && b[i] < 0x20)) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] b, int at, int end, byte[] prefix) {
    if (at < 0 || end - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, int from, int end, byte[] target) {
    for (int i = from; i <= end - target.length; i++) {
      if (b[i] == target[0] && startsWith(b, i, end, target)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
