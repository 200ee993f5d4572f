package dev.fetch.merge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.Outcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * One line of a results file, read back: what {@code fetch -f jsonl} and {@code --results} write
 * (the README's JSON lines schema). A {@code result} line becomes the {@link DownloadResult} it
 * was written from; a {@code summary} line the totals {@link #summary} needs; a line of another
 * type is {@link #other} (fields and types are only ever added to the schema). Pure.
 */
sealed interface JournalLine permits JournalLine.Result, JournalLine.Summary, JournalLine.Other {
  JsonFactory JSON = new JsonFactory();

  /**
   * A line that ends inside its JSON object: the start of a line a killed run was writing (a
   * journal appended to after a kill keeps it as a line of its own).
   */
  final class CutShort extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    CutShort() {
      super("cut short");
    }
  }

  /** A result line. */
  record Result(DownloadResult result) implements JournalLine {}

  /** A summary line: the part of a run's totals that does not come from its results. */
  record Summary(String mode, int workers, Duration elapsed, long workerCrashes,
      boolean interrupted) implements JournalLine {}

  /** A line of a type this version does not know. */
  record Other(String type) implements JournalLine {}

  /**
   * Reads one line.
   *
   * @throws IllegalArgumentException saying why it is not a line of the schema
   */
  static JournalLine parse(String line) {
    Fields f = new Fields();
    try (JsonParser json = JSON.createParser(line)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.getCurrentName();
        JsonToken value = json.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          json.skipChildren();
          continue;
        }
        f.set(name, value, json);
      }
      if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
        throw new IllegalArgumentException("not one JSON object");
      }
    } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
      throw new CutShort();
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
    if ("result".equals(f.type)) {
      return new Result(f.result());
    }
    if ("summary".equals(f.type)) {
      return new Summary(f.mode == null ? "?" : f.mode, (int) f.workers, f.elapsed(),
          f.workerCrashes, f.interrupted);
    }
    if (f.type == null) {
      throw new IllegalArgumentException("no type");
    }
    return new Other(f.type);
  }

  /**
   * The few fields of a result line a merge decides by, read without building the result: for
   * the pass over every line. The line is still checked to be one JSON object whose
   * {@code index} is an integer and {@code url} a string; null for a line that is not a result.
   *
   * @throws IllegalArgumentException as {@link #parse} does
   */
  static Key key(String line) {
    Key fast = fastKey(line);
    return fast != null ? fast : jsonKey(line);
  }

  /** The start of every result line fetch writes ({@code JsonLinesFormatter}: fields in order). */
  String RESULT_START = "{\"type\":\"result\",\"index\":";

  /**
   * {@link #key} for a line exactly as fetch writes it, found by position rather than parsed:
   * the fields come in a fixed order, and a string's quotes inside JSON are always escaped, so
   * {@code "url":"} and {@code ,"outcome":"} can only be those fields. Null for any other line,
   * which is then parsed ({@link #jsonKey}).
   */
  private static Key fastKey(String line) {
    int length = line.length();
    if (!line.startsWith(RESULT_START) || length == 0 || line.charAt(length - 1) != '}') {
      return null;
    }
    int at = RESULT_START.length();
    long index = 0;
    int digits = 0;
    while (at < length && line.charAt(at) >= '0' && line.charAt(at) <= '9' && digits < 10) {
      index = index * 10 + (line.charAt(at) - '0');
      at++;
      digits++;
    }
    if (digits == 0 || index > Integer.MAX_VALUE - 1 || !line.startsWith(",\"url\":\"", at)) {
      return null;
    }
    int urlStart = at + 8;
    int urlEnd = line.indexOf('"', urlStart);
    while (urlEnd > 0 && backslashesBefore(line, urlEnd) % 2 == 1) {
      urlEnd = line.indexOf('"', urlEnd + 1);
    }
    if (urlEnd < 0) {
      return null;
    }
    int bytesAt = line.indexOf(",\"bytes\":", urlEnd);
    int outcomeAt = line.lastIndexOf(",\"outcome\":\"");
    if (bytesAt < 0 || outcomeAt < urlEnd) {
      return null;
    }
    long bytes = 0;
    int b = bytesAt + 9;
    int bytesDigits = 0;
    while (b < length && line.charAt(b) >= '0' && line.charAt(b) <= '9' && bytesDigits < 18) {
      bytes = bytes * 10 + (line.charAt(b) - '0');
      b++;
      bytesDigits++;
    }
    if (bytesDigits == 0 || line.charAt(b) != ',') {
      return null;
    }
    int outcomeStart = outcomeAt + 12;
    int outcomeEnd = line.indexOf('"', outcomeStart);
    if (outcomeEnd < 0) {
      return null;
    }
    String outcome = line.substring(outcomeStart, outcomeEnd);
    int rank = outcome.equals("failed") ? Rank.FAILED : outcome.equals("skipped") ? Rank.SKIPPED
        : outcome.equals("downloaded") || outcome.equals("not_modified") ? Rank.DONE : Rank.NONE;
    if (rank == Rank.NONE) {
      return null;
    }
    int hash = 0;
    for (int i = urlStart; i < urlEnd; i++) {
      hash = 31 * hash + line.charAt(i);
    }
    return new Key("result", (int) index, hash, rank, outcome.equals("not_modified"), bytes);
  }

  private static int backslashesBefore(String line, int at) {
    int n = 0;
    while (at - 1 - n >= 0 && line.charAt(at - 1 - n) == '\\') {
      n++;
    }
    return n;
  }

  /** {@link #key} by parsing the line as JSON. */
  static Key jsonKey(String line) {
    String type = null;
    long index = -1;
    boolean hasIndex = false;
    int urlHash = 0;
    boolean hasUrl = false;
    String outcome = null;
    String errorKind = null;
    long bytes = 0;
    try (JsonParser json = JSON.createParser(line)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.getCurrentName();
        JsonToken value = json.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          json.skipChildren();
          continue;
        }
        switch (name) {
          case "type":
            type = value == JsonToken.VALUE_STRING ? json.getText() : null;
            break;
          case "index":
            if (value != JsonToken.VALUE_NUMBER_INT) {
              throw new IllegalArgumentException("index is not an integer");
            }
            index = json.getLongValue();
            hasIndex = true;
            break;
          case "url":
            if (value == JsonToken.VALUE_STRING) {
              urlHash = escapedHash(json.getText());
              hasUrl = true;
            }
            break;
          case "outcome":
            outcome = value == JsonToken.VALUE_STRING ? json.getText() : null;
            break;
          case "error_kind":
            errorKind = value == JsonToken.VALUE_STRING ? json.getText() : null;
            break;
          case "bytes":
            bytes = value == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : 0;
            break;
          default:
            break;
        }
      }
      if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
        throw new IllegalArgumentException("not one JSON object");
      }
    } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
      throw new CutShort();
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
    if (type == null) {
      throw new IllegalArgumentException("no type");
    }
    if (!type.equals("result")) {
      return new Key(type, -1, 0, Rank.NONE, false, 0);
    }
    if (!hasIndex || index < 0 || index > Integer.MAX_VALUE - 1) {
      throw new IllegalArgumentException("a result without an index from 0 to "
          + (Integer.MAX_VALUE - 1));
    }
    if (!hasUrl) {
      throw new IllegalArgumentException("a result without a url");
    }
    int rank;
    if ("failed".equals(outcome) || outcome == null && errorKind != null) {
      rank = Rank.FAILED;
    } else if (outcome == null || outcome.equals("downloaded")
        || outcome.equals("not_modified")) {
      rank = Rank.DONE;
    } else if (outcome.equals("skipped")) {
      rank = Rank.SKIPPED;
    } else {
      throw new IllegalArgumentException("an unknown outcome '" + outcome + "'");
    }
    return new Key(type, (int) index, urlHash, rank, "not_modified".equals(outcome), bytes);
  }

  /**
   * The hash {@link #fastKey} computes over a URL as it stands escaped in a line
   * ({@link String#hashCode} of its JSON-escaped text), so both readers of a line agree.
   */
  private static int escapedHash(String url) {
    return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
        .quoteAsString(url)).hashCode();
  }

  /**
   * What {@link #key} reads: a result's index, URL hash, {@link Rank}, whether it was up to date,
   * and its bytes; else its type.
   */
  record Key(String type, int index, int urlHash, int rank, boolean notModified, long bytes) {
    boolean isResult() {
      return rank != Rank.NONE;
    }
  }

  /** The fields of a line as read; absent ones keep their defaults. */
  final class Fields {
    String type;
    Long index;
    String url;
    Integer status;
    long bytes;
    BigDecimal elapsedMs;
    int attempts;
    String worker;
    String error;
    String errorKind;
    String protocol;
    String outcome;
    String path;
    long fileBytes = -1;
    String mode;
    long workers;
    long workerCrashes;
    boolean interrupted;

    void set(String name, JsonToken value, JsonParser json) throws IOException {
      boolean isNull = value == JsonToken.VALUE_NULL;
      switch (name) {
        case "type": type = text(json, isNull); break;
        case "index": index = isNull ? null : integer(json, name); break;
        case "url": url = text(json, isNull); break;
        case "status": status = isNull ? null : (int) integer(json, name); break;
        case "bytes": bytes = isNull ? 0 : integer(json, name); break;
        case "elapsed_ms": elapsedMs = isNull ? null : decimal(json, name); break;
        case "attempts": attempts = isNull ? 0 : (int) integer(json, name); break;
        case "worker": worker = text(json, isNull); break;
        case "error": error = text(json, isNull); break;
        case "error_kind": errorKind = text(json, isNull); break;
        case "protocol": protocol = text(json, isNull); break;
        case "outcome": outcome = text(json, isNull); break;
        case "path": path = text(json, isNull); break;
        case "file_bytes": fileBytes = isNull ? -1 : integer(json, name); break;
        case "mode": mode = text(json, isNull); break;
        case "workers": workers = isNull ? 0 : integer(json, name); break;
        case "worker_crashes": workerCrashes = isNull ? 0 : integer(json, name); break;
        case "interrupted": interrupted = value == JsonToken.VALUE_TRUE; break;
        default: break;
      }
    }

    DownloadResult result() {
      if (index == null || index < 0 || index > Integer.MAX_VALUE - 1) {
        throw new IllegalArgumentException("a result without an index from 0 to "
            + (Integer.MAX_VALUE - 1));
      }
      if (url == null) {
        throw new IllegalArgumentException("a result without a url");
      }
      int at = index.intValue();
      if ("failed".equals(outcome) || outcome == null && errorKind != null) {
        ErrorKind kind = kind(errorKind);
        return new DownloadResult.Failure(at, url, status, bytes, elapsed(), attempts, worker,
            kind, error == null ? kind.wireName() : error, null, protocol);
      }
      Outcome done = outcome == null ? Outcome.DOWNLOADED : Outcome.ofWireName(outcome);
      if (done == null) {
        throw new IllegalArgumentException("an unknown outcome '" + outcome + "'");
      }
      return new DownloadResult.Success(at, url, status, bytes, elapsed(), attempts, worker,
          protocol, done, path, fileBytes);
    }

    Duration elapsed() {
      if (elapsedMs == null || elapsedMs.signum() < 0) {
        return Duration.ZERO;
      }
      return Duration.ofNanos(elapsedMs.movePointRight(6).longValue());
    }

    private static ErrorKind kind(String wireName) {
      for (ErrorKind kind : ErrorKind.values()) {
        if (kind.wireName().equals(wireName)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("a failure of an unknown kind '" + wireName + "'");
    }

    private static String text(JsonParser json, boolean isNull) throws IOException {
      return isNull ? null : json.getValueAsString();
    }

    private static long integer(JsonParser json, String name) throws IOException {
      if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        throw new IllegalArgumentException(name + " is not an integer");
      }
      try {
        return json.getLongValue();
      } catch (IOException e) {
        throw new IllegalArgumentException(name + " is out of range");
      }
    }

    private static BigDecimal decimal(JsonParser json, String name) throws IOException {
      if (!json.currentToken().isNumeric()) {
        throw new IllegalArgumentException(name + " is not a number");
      }
      return json.getDecimalValue();
    }
  }
}
