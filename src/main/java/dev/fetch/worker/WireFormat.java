package dev.fetch.worker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.NetworkProperties;
import dev.fetch.json.JsonObjects;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * The one wire format between fetch and its worker processes: one flat JSON object per line,
 * UTF-8, its kind in {@code "type"}.
 *
 * <pre>
 * parent → child  {"type":"settings","workers":4,"connect_timeout_ns":…,"timeout_ns":…,
 *                  "user_agent":…,"per_host":0,"max_size":0,"retries":2,
 *                  "output_dir":"/abs/dir" or null,
 *                  "property:http.proxyHost":"…",…}                         (first line, once)
 *                 {"type":"download","index":3,"url":"http://…","file":"a.html" or null}
 * child → parent  {"type":"ready","pid":12345}                            (once, when set up)
 *                 {"type":"result","index":3,"url":…,"status":200 or null,"bytes":…,
 *                  "elapsed_ns":…,"attempts":1,"error_kind":null or "TIMEOUT",…,
 *                  "error":null or "…","retry_after_ns":null or …}
 * </pre>
 *
 * <p>Error messages name a field or an offset, never the line: a line may hold secrets.
 *
 * <p>The settings message carries every field of {@link DownloadSettings}, the JVM network
 * properties as {@code property:NAME} fields, so a worker downloads exactly as the parent's
 * in-process modes would. A request's {@code url} keeps its credentials, and properties may be
 * secrets: they travel over a pipe, never a command line. {@code error_kind} is the {@link ErrorKind} constant's name (not its output name, which
 * merges two kinds). A result carries no worker name: the parent knows which child sent it.
 * Stateless and thread-safe.
 */
public final class WireFormat {
  static final String SETTINGS = "settings";
  static final String DOWNLOAD = "download";
  static final String READY = "ready";
  static final String RESULT = "result";
  /** The name prefix of a JVM network property's field in the settings message. */
  static final String PROPERTY = "property:";

  private static final JsonFactory JSON = new JsonFactory();

  private WireFormat() {}

  /** A task for a worker: download {@code request}, saving it as {@code file} if not null. */
  public record Task(DownloadRequest request, String file) {}

  /** One decoded line: its {@code type} and fields. */
  public record Message(String type, Map<String, Object> fields) {
    String text(String name) {
      return (String) fields.get(name);
    }

    Long number(String name) {
      return (Long) fields.get(name);
    }
  }

  public static String settings(DownloadSettings settings) {
    return write(json -> {
      json.writeStringField("type", SETTINGS);
      json.writeNumberField("workers", settings.workers());
      json.writeNumberField("connect_timeout_ns", settings.connectTimeout().toNanos());
      json.writeNumberField("timeout_ns", settings.timeout().toNanos());
      json.writeStringField("user_agent", settings.userAgent());
      json.writeNumberField("per_host", settings.perHost());
      json.writeNumberField("max_size", settings.maxSize());
      json.writeNumberField("retries", settings.retries());
      json.writeStringField("output_dir", settings.outputDir() == null ? null
          : settings.outputDir().toAbsolutePath().toString());
      for (Map.Entry<String, String> property : settings.network().values().entrySet()) {
        json.writeStringField(PROPERTY + property.getKey(), property.getValue());
      }
    });
  }

  /**
   * The settings a parent sent, whole: a worker sizes its own client for one download at a time.
   *
   * @throws IllegalArgumentException if a field is missing or out of range
   */
  public static DownloadSettings settings(Message message) {
    expect(message, SETTINGS);
    String dir = message.text("output_dir");
    Map<String, String> properties = new TreeMap<>();
    message.fields().forEach((name, value) -> {
      if (name.startsWith(PROPERTY)) {
        if (!(value instanceof String)) {
          throw new IllegalArgumentException(name + " is not a string");
        }
        properties.put(name.substring(PROPERTY.length()), (String) value);
      }
    });
    return DownloadSettings.builder()
        .workers(required(message, "workers").intValue())
        .connectTimeout(Duration.ofNanos(required(message, "connect_timeout_ns")))
        .timeout(Duration.ofNanos(required(message, "timeout_ns")))
        .userAgent(message.text("user_agent"))
        .perHost(required(message, "per_host").intValue())
        .maxSize(required(message, "max_size"))
        .retries(required(message, "retries").intValue())
        .outputDir(dir == null ? null : Path.of(dir))
        .network(NetworkProperties.of(properties))
        .build();
  }

  public static String task(DownloadRequest request, String file) {
    return write(json -> {
      json.writeStringField("type", DOWNLOAD);
      json.writeNumberField("index", request.index());
      json.writeStringField("url", request.url().toString());
      json.writeStringField("file", file);
    });
  }

  public static Task task(Message message) {
    expect(message, DOWNLOAD);
    return new Task(new DownloadRequest(message.number("index").intValue(),
        HttpUrl.get(message.text("url"))), message.text("file"));
  }

  public static String ready(long pid) {
    return write(json -> {
      json.writeStringField("type", READY);
      json.writeNumberField("pid", pid);
    });
  }

  public static String result(DownloadResult result) {
    return write(json -> {
      json.writeStringField("type", RESULT);
      json.writeNumberField("index", result.index());
      json.writeStringField("url", result.url());
      JsonObjects.writeNullable(json, "status", result.status() == null ? null : (long) result.status());
      json.writeNumberField("bytes", result.bytes());
      json.writeNumberField("elapsed_ns", result.elapsed().toNanos());
      json.writeNumberField("attempts", result.attempts());
      if (result instanceof DownloadResult.Failure) {
        DownloadResult.Failure failure = (DownloadResult.Failure) result;
        json.writeStringField("error_kind", failure.kind().name());
        json.writeStringField("error", failure.message());
        JsonObjects.writeNullable(json, "retry_after_ns",
            failure.retryAfter() == null ? null : failure.retryAfter().toNanos());
      }
    });
  }

  /** The result in {@code message}, as run by {@code worker}. */
  public static DownloadResult result(Message message, String worker) {
    expect(message, RESULT);
    int index = message.number("index").intValue();
    String url = message.text("url");
    Long status = message.number("status");
    Integer code = status == null ? null : status.intValue();
    long bytes = message.number("bytes");
    Duration elapsed = Duration.ofNanos(message.number("elapsed_ns"));
    int attempts = message.number("attempts").intValue();
    String kind = message.text("error_kind");
    if (kind == null) {
      return new DownloadResult.Success(index, url, code, bytes, elapsed, attempts, worker);
    }
    Long retryAfter = message.number("retry_after_ns");
    return new DownloadResult.Failure(index, url, code, bytes, elapsed, attempts, worker,
        ErrorKind.valueOf(kind), message.text("error"),
        retryAfter == null ? null : Duration.ofNanos(retryAfter));
  }

  /**
   * Decodes one line: a flat JSON object of strings, integers, booleans and nulls with a
   * {@code type}.
   *
   * @throws IllegalArgumentException if the line is anything else
   */
  public static Message parse(String line) {
    Map<String, Object> fields = new HashMap<>();
    try (JsonParser json = JSON.createParser(line)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object (" + line.length() + " chars)");
      }
      for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT;
          token = json.nextToken()) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          fields.put(name, json.getText());
        } else if (value == JsonToken.VALUE_NUMBER_INT) {
          fields.put(name, json.getLongValue());
        } else if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
          fields.put(name, json.getBooleanValue());
        } else if (value == JsonToken.VALUE_NULL) {
          fields.put(name, null);
        } else {
          throw new IllegalArgumentException("unexpected " + value + " in field " + name);
        }
      }
      if (json.nextToken() != null) {
        throw new IllegalArgumentException("text after the message");
      }
    } catch (JsonProcessingException e) {
      long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
      throw new IllegalArgumentException("not JSON at offset " + offset, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable line", e);
    }
    if (!(fields.get("type") instanceof String)) {
      throw new IllegalArgumentException("no type");
    }
    return new Message((String) fields.get("type"), fields);
  }

  private static Long required(Message message, String name) {
    Object value = message.fields().get(name);
    if (!(value instanceof Long)) {
      throw new IllegalArgumentException("no number " + name + " in " + message.type());
    }
    return (Long) value;
  }

  private static void expect(Message message, String type) {
    if (!message.type().equals(type)) {
      throw new IllegalArgumentException("expected " + type + ", got " + message.type());
    }
  }

  /** One message, without its line end. */
  private static String write(JsonObjects.Fields fields) {
    return JsonObjects.write(fields);
  }
}
