package dev.fetch.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fetch.trace.UrlRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --trace}: the Chrome Trace Event Format (JSON object form) that Perfetto and
 * chrome://tracing open: one process per run, one thread (track) per worker, one complete event
 * ({@code "ph":"X"}) per URL, in microseconds. Pure.
 */
public final class TraceExport {
  private static final JsonFactory JSON = new JsonFactory();

  private TraceExport() {}

  /** One run to show: its name (a process) and its URLs. */
  public record Track(String name, List<UrlRecord> urls) {}

  public static String render(List<Track> runs) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeArrayFieldStart("traceEvents");
      for (int p = 0; p < runs.size(); p++) {
        writeRun(json, p + 1, runs.get(p));
      }
      json.writeEndArray();
      json.writeStringField("displayTimeUnit", "ms");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  private static void writeRun(JsonGenerator json, int pid, Track run) throws IOException {
    metadata(json, "process_name", pid, 0, run.name());
    Map<String, Integer> lanes = new TreeMap<>(NaturalOrder.INSTANCE);
    run.urls().forEach(u -> lanes.put(String.valueOf(u.worker()), 0));
    List<String> names = new ArrayList<>(lanes.keySet());
    for (int t = 0; t < names.size(); t++) {
      lanes.put(names.get(t), t + 1);
      metadata(json, "thread_name", pid, t + 1, names.get(t));
    }
    for (UrlRecord u : run.urls()) {
      json.writeStartObject();
      json.writeStringField("name", u.url());
      json.writeStringField("cat", u.succeeded() ? "download" : "failure");
      json.writeStringField("ph", "X");
      json.writeNumberField("ts", Math.round(u.startMs() * 1000));
      json.writeNumberField("dur", Math.max(0, Math.round((u.endMs() - u.startMs()) * 1000)));
      json.writeNumberField("pid", pid);
      json.writeNumberField("tid", lanes.get(String.valueOf(u.worker())));
      json.writeObjectFieldStart("args");
      json.writeNumberField("index", u.index());
      if (u.status() != null) {
        json.writeNumberField("status", u.status());
      }
      json.writeNumberField("bytes", u.bytes());
      json.writeNumberField("attempts", u.attempts());
      if (u.errorKind() != null) {
        json.writeStringField("error_kind", u.errorKind());
      }
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  private static void metadata(JsonGenerator json, String kind, int pid, int tid, String name)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("name", kind);
    json.writeStringField("ph", "M");
    json.writeNumberField("pid", pid);
    json.writeNumberField("tid", tid);
    json.writeObjectFieldStart("args");
    json.writeStringField("name", name);
    json.writeEndObject();
    json.writeEndObject();
  }
}
