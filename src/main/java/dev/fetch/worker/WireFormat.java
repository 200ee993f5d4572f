package dev.fetch.worker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fetch.download.Checksum;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.HttpVersion;
import dev.fetch.download.NetscapeCookie;
import dev.fetch.download.NetworkProperties;
import dev.fetch.download.Outcome;
import dev.fetch.download.ProxySettings;
import dev.fetch.download.SaveSettings;
import dev.fetch.download.TlsSettings;
import dev.fetch.download.Validators;
import dev.fetch.json.JsonObjects;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
 *                  "property:http.proxyHost":"…",…,
 *                  "proxy_http":…,"proxy_https":…,"proxy_no_proxy":"…",
 *                  "tls_ca_certificates":"-----BEGIN…" or null,"tls_ca_native":false,
 *                  "tls_insecure":false,"http_version":"ANY",
 *                  "save_no_clobber":false,"save_create_dirs":false,
 *                  "save_timestamping":false,"save_resume":false,
 *                  "save_checksum_file":… or null}
 *                                  (first line, once; the parent reads the checksum file and
 *                                   puts each file's checksum on its download)
 *                 {"type":"download","index":3,"url":"http://…","file":"a.html" or null,
 *                  "checksum":"sha256:…" (only when the body is checked),
 *                  "etag":"\"…\"","last_modified":"…" (only when recorded: -N, --continue)}
 * child → parent  {"type":"ready","pid":12345}                            (once, when set up)
 *                 {"type":"progress","index":3,"length":20971520 or -1,"bytes":…}
 *                                  (with --progress: an attempt's body started, then its bytes
 *                                   so far, a few times a second)
 *                 {"type":"result","index":3,"url":…,"status":200 or null,"bytes":…,
 *                  "elapsed_ns":…,"attempts":1,"error_kind":null or "TIMEOUT",…,
 *                  "error":null or "…","retry_after_ns":null or …,
 *                  "protocol":"h2" or null,
 *                  "outcome":"downloaded","path":"a.html" or null,"file_bytes":… or -1
 *                                  (these three on successes only)}
 * </pre>
 *
 * <p>Error messages name a field or an offset, never the line: a line may hold secrets.
 *
 * <p>Durations travel as whole nanoseconds and never overflow: one longer than {@link Long#MAX_VALUE}
 * nanoseconds (about 292 years, e.g. a {@code Retry-After} date centuries ahead) is written as
 * {@link Long#MAX_VALUE}. Reading checks every number against its field's range (an index or a
 * count that does not fit an {@code int}, a negative size or duration, a status outside
 * 100–999, an unknown error kind) and rejects what is out of it with
 * {@link IllegalArgumentException}, the protocol error, never a silently truncated value.
 *
 * <p>The settings message carries every field of {@link DownloadSettings}, the JVM network
 * properties as {@code property:NAME} fields, the request settings as {@code request_*} fields
 * ({@link WireRequestFields}, which also writes the {@code cookie:N} fields by which a task
 * brings the run's new cookies and a result reports those its download received), so a worker
 * downloads exactly as the parent's in-process modes would; any other record-valued field
 * travels as one field per component, named {@code component_subcomponent} ({@code proxy_http},
 * {@code tls_insecure}). A request's {@code url} keeps its credentials, and properties and
 * proxies may be secrets: they travel over a pipe, never a command line. {@code error_kind} is
 * the {@link ErrorKind} constant's name (not its output name, which merges two kinds). A result
 * carries no worker name: the parent knows which child sent it. Stateless and thread-safe.
 */
public final class WireFormat {
  static final String SETTINGS = "settings";
  static final String DOWNLOAD = "download";
  static final String READY = "ready";
  static final String RESULT = "result";
  static final String PROGRESS = "progress";
  /** The name prefix of a JVM network property's field in the settings message. */
  static final String PROPERTY = "property:";

  private static final JsonFactory JSON = new JsonFactory();

  private WireFormat() {}

  /**
   * A task for a worker: download {@code request}, saving it as {@code file} if not null, after
   * storing {@code cookies}, the run's cookies it has not seen yet.
   */
  public record Task(DownloadRequest request, String file, List<NetscapeCookie> cookies) {
    public Task(DownloadRequest request, String file) {
      this(request, file, List.of());
    }
  }

  /**
   * How far a worker is in reading a body: {@code bytes} so far of the attempt at URL
   * {@code index}, whose declared length is {@code length} (-1: not declared). Bytes 0 starts an
   * attempt.
   */
  public record Transfer(int index, long length, long bytes) {}

  /** One decoded line: its {@code type} and fields. */
  public record Message(String type, Map<String, Object> fields) {
    /** The string in field {@code name}, or null if it is null or absent. */
    String text(String name) {
      Object value = fields.get(name);
      if (value != null && !(value instanceof String)) {
        throw new IllegalArgumentException(name + " is not a string in " + type);
      }
      return (String) value;
    }

    /** The integer in field {@code name}, or null if it is null or absent. */
    Long number(String name) {
      Object value = fields.get(name);
      if (value != null && !(value instanceof Long)) {
        throw new IllegalArgumentException(name + " is not an integer in " + type);
      }
      return (Long) value;
    }
  }

  public static String settings(DownloadSettings settings) {
    return write(json -> {
      json.writeStringField("type", SETTINGS);
      json.writeNumberField("workers", settings.workers());
      json.writeNumberField("connect_timeout_ns", nanos(settings.connectTimeout()));
      json.writeNumberField("timeout_ns", nanos(settings.timeout()));
      json.writeStringField("user_agent", settings.userAgent());
      json.writeNumberField("per_host", settings.perHost());
      json.writeNumberField("max_size", settings.maxSize());
      json.writeNumberField("retries", settings.retries());
      json.writeStringField("output_dir", settings.outputDir() == null ? null
          : settings.outputDir().toAbsolutePath().toString());
      for (Map.Entry<String, String> property : settings.network().values().entrySet()) {
        json.writeStringField(PROPERTY + property.getKey(), property.getValue());
      }
      WireRequestFields.write(json, settings.request());
      json.writeStringField("proxy_http", settings.proxy().http());
      json.writeStringField("proxy_https", settings.proxy().https());
      json.writeStringField("proxy_no_proxy", settings.proxy().noProxy());
      json.writeStringField("tls_ca_certificates", settings.tls().caCertificates());
      json.writeBooleanField("tls_ca_native", settings.tls().caNative());
      json.writeBooleanField("tls_insecure", settings.tls().insecure());
      json.writeStringField("http_version", settings.httpVersion().name());
      json.writeBooleanField("save_no_clobber", settings.save().noClobber());
      json.writeBooleanField("save_create_dirs", settings.save().createDirs());
      json.writeBooleanField("save_timestamping", settings.save().timestamping());
      json.writeBooleanField("save_resume", settings.save().resume());
      json.writeStringField("save_checksum_file", settings.save().checksumFile() == null ? null
          : settings.save().checksumFile().toString());
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
    String checksumFile = message.text("save_checksum_file");
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
        .workers(integer(message, "workers", 1))
        .connectTimeout(duration(message, "connect_timeout_ns"))
        .timeout(duration(message, "timeout_ns"))
        .userAgent(message.text("user_agent"))
        .perHost(integer(message, "per_host", 0))
        .maxSize(atLeast(message, "max_size", 0))
        .retries(integer(message, "retries", 0))
        .outputDir(dir == null ? null : Path.of(dir))
        .network(NetworkProperties.of(properties))
        .request(WireRequestFields.read(message))
        .proxy(new ProxySettings(message.text("proxy_http"), message.text("proxy_https"),
            required(message.text("proxy_no_proxy"), "proxy_no_proxy")))
        .tls(new TlsSettings(message.text("tls_ca_certificates"), flag(message, "tls_ca_native"),
            flag(message, "tls_insecure")))
        .httpVersion(httpVersion(message.text("http_version")))
        .save(new SaveSettings(flag(message, "save_no_clobber"),
            flag(message, "save_create_dirs"), flag(message, "save_timestamping"),
            flag(message, "save_resume"), checksumFile == null ? null : Path.of(checksumFile)))
        .build();
  }

  public static String task(DownloadRequest request, String file) {
    return task(request, file, List.of());
  }

  /** A task that also brings the worker the run's cookies it has not seen yet. */
  public static String task(DownloadRequest request, String file, List<NetscapeCookie> cookies) {
    return write(json -> {
      json.writeStringField("type", DOWNLOAD);
      json.writeNumberField("index", request.index());
      json.writeStringField("url", request.url().toString());
      json.writeStringField("file", file);
      if (request.checksum() != null) {
        json.writeStringField("checksum", request.checksum().toString());
      }
      if (request.validators().etag() != null) {
        json.writeStringField("etag", request.validators().etag());
      }
      if (request.validators().lastModified() != null) {
        json.writeStringField("last_modified", request.validators().lastModified());
      }
      WireRequestFields.writeCookies(json, WireRequestFields.COOKIE, cookies);
    });
  }

  public static Task task(Message message) {
    expect(message, DOWNLOAD);
    String url = message.text("url");
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("no valid url in " + DOWNLOAD);
    }
    String checksum = message.text("checksum");
    Checksum expected = checksum == null ? null : Checksum.ofString(checksum);
    if (checksum != null && expected == null) {
      throw new IllegalArgumentException("bad checksum in " + DOWNLOAD);
    }
    String file = message.text("file");
    Validators validators = new Validators(message.text("etag"), message.text("last_modified"));
    return new Task(new DownloadRequest(integer(message, "index", 0), parsed, file, expected,
        validators), file, cookies(message));
  }

  /**
   * The cookies a {@code download} message brings or a {@code result} message reports.
   *
   * @throws IllegalArgumentException if one is malformed
   */
  public static List<NetscapeCookie> cookies(Message message) {
    return WireRequestFields.cookies(message, WireRequestFields.COOKIE);
  }

  public static String progress(Transfer transfer) {
    return write(json -> {
      json.writeStringField("type", PROGRESS);
      json.writeNumberField("index", transfer.index());
      json.writeNumberField("length", transfer.length());
      json.writeNumberField("bytes", transfer.bytes());
    });
  }

  /** @throws IllegalArgumentException if a field is missing or out of range */
  public static Transfer progress(Message message) {
    expect(message, PROGRESS);
    return new Transfer(integer(message, "index", 0), atLeast(message, "length", -1),
        atLeast(message, "bytes", 0));
  }

  public static String ready(long pid) {
    return write(json -> {
      json.writeStringField("type", READY);
      json.writeNumberField("pid", pid);
    });
  }

  public static String result(DownloadResult result) {
    return result(result, List.of());
  }

  /** A result that also reports the cookies its download stored or deleted. */
  public static String result(DownloadResult result, List<NetscapeCookie> cookies) {
    return write(json -> {
      json.writeStringField("type", RESULT);
      json.writeNumberField("index", result.index());
      json.writeStringField("url", result.url());
      JsonObjects.writeNullable(json, "status", result.status() == null ? null : (long) result.status());
      json.writeNumberField("bytes", result.bytes());
      json.writeNumberField("elapsed_ns", nanos(result.elapsed()));
      json.writeNumberField("attempts", result.attempts());
      if (result instanceof DownloadResult.Failure) {
        DownloadResult.Failure failure = (DownloadResult.Failure) result;
        json.writeStringField("error_kind", failure.kind().name());
        json.writeStringField("error", failure.message());
        JsonObjects.writeNullable(json, "retry_after_ns",
            failure.retryAfter() == null ? null : nanos(failure.retryAfter()));
      }
      WireRequestFields.writeCookies(json, WireRequestFields.COOKIE, cookies);
      json.writeStringField("protocol", result.protocol());
      if (result instanceof DownloadResult.Success) {
        DownloadResult.Success success = (DownloadResult.Success) result;
        json.writeStringField("outcome", success.outcome().wireName());
        json.writeStringField("path", success.path());
        json.writeNumberField("file_bytes", success.fileBytes());
      }
    });
  }

  /**
   * The result in {@code message}, as run by {@code worker}.
   *
   * @throws IllegalArgumentException if a field is missing, of the wrong type or out of range
   */
  public static DownloadResult result(Message message, String worker) {
    expect(message, RESULT);
    int index = integer(message, "index", 0);
    String url = message.text("url");
    if (url == null) {
      throw new IllegalArgumentException("no url in " + RESULT);
    }
    Long status = message.number("status");
    if (status != null && (status < 100 || status > 999)) {
      throw new IllegalArgumentException("status out of range in " + RESULT);
    }
    Integer code = status == null ? null : status.intValue();
    long bytes = atLeast(message, "bytes", 0);
    Duration elapsed = duration(message, "elapsed_ns");
    int attempts = integer(message, "attempts", 0);
    String kind = message.text("error_kind");
    String protocol = message.text("protocol");
    if (kind == null) {
      String outcomeName = message.text("outcome");
      Outcome outcome = outcomeName == null ? Outcome.DOWNLOADED : Outcome.ofWireName(outcomeName);
      if (outcome == null) {
        throw new IllegalArgumentException("unknown outcome in " + RESULT);
      }
      Long fileBytes = message.number("file_bytes");
      if (fileBytes != null && fileBytes < -1) {
        throw new IllegalArgumentException("file_bytes out of range in " + RESULT);
      }
      return new DownloadResult.Success(index, url, code, bytes, elapsed, attempts, worker,
          protocol, outcome, message.text("path"), fileBytes == null ? -1 : fileBytes);
    }
    Long retryAfter = message.number("retry_after_ns");
    if (retryAfter != null && retryAfter < 0) {
      throw new IllegalArgumentException("retry_after_ns out of range in " + RESULT);
    }
    return new DownloadResult.Failure(index, url, code, bytes, elapsed, attempts, worker,
        errorKind(kind), message.text("error"),
        retryAfter == null ? null : Duration.ofNanos(retryAfter), protocol);
  }

  /**
   * {@code duration} in whole nanoseconds, saturated: {@link Long#MAX_VALUE} (or
   * {@link Long#MIN_VALUE}) when it does not fit a {@code long}. Never throws.
   */
  static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
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

  /** A required number of at least {@code min}. */
  private static long atLeast(Message message, String name, long min) {
    long value = required(message, name);
    if (value < min) {
      throw new IllegalArgumentException(name + " out of range in " + message.type());
    }
    return value;
  }

  /** A required number of at least {@code min} that fits an {@code int}. */
  private static int integer(Message message, String name, int min) {
    long value = atLeast(message, name, min);
    if (value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " out of range in " + message.type());
    }
    return (int) value;
  }

  /** A required duration in nanoseconds, not negative. */
  private static Duration duration(Message message, String name) {
    return Duration.ofNanos(atLeast(message, name, 0));
  }

  /** A required {@code true} or {@code false}. */
  private static boolean flag(Message message, String name) {
    Object value = message.fields().get(name);
    if (!(value instanceof Boolean)) {
      throw new IllegalArgumentException("no boolean " + name + " in " + message.type());
    }
    return (Boolean) value;
  }

  private static String required(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("no " + name + " in " + SETTINGS);
    }
    return value;
  }

  private static HttpVersion httpVersion(String name) {
    for (HttpVersion version : HttpVersion.values()) {
      if (version.name().equals(name)) {
        return version;
      }
    }
    throw new IllegalArgumentException("unknown http_version in " + SETTINGS);
  }

  private static ErrorKind errorKind(String name) {
    for (ErrorKind kind : ErrorKind.values()) {
      if (kind.name().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown error_kind in " + RESULT);
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
