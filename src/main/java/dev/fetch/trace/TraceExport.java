package dev.fetch.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code --trace}: the Chrome Trace Event Format (JSON object form) that Perfetto and
 * chrome://tracing open: one process per run, one thread (track) per worker as {@link Lanes}
 * lays them out — a real worker each, slices that never overlap on a track, URLs no worker ran
 * on the track {@value Lanes#NO_WORKER}, a worker JVM's start-up as a slice of category
 * {@code startup} — and one complete event ({@code "ph":"X"}) per slice, in microseconds. Pure.
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
    List<Lane> lanes = Lanes.of(run.urls());
    for (int t = 0; t < lanes.size(); t++) {
      metadata(json, "thread_name", pid, t + 1, lanes.get(t).name());
    }
    for (int t = 0; t < lanes.size(); t++) {
      for (Slice slice : lanes.get(t).slices()) {
        slice(json, pid, t + 1, slice);
      }
    }
  }

  private static void slice(JsonGenerator json, int pid, int tid, Slice slice)
      throws IOException {
    UrlRecord u = slice.url();
    json.writeStartObject();
    json.writeStringField("name", u == null ? "worker JVM start-up" : u.url());
    json.writeStringField("cat", u == null ? "startup" : u.succeeded() ? "download" : "failure");
    json.writeStringField("ph", "X");
    long start = Math.round(slice.startMs() * 1000);
    json.writeNumberField("ts", start);
    json.writeNumberField("dur", Math.max(0, Math.round(slice.endMs() * 1000) - start));
    json.writeNumberField("pid", pid);
    json.writeNumberField("tid", tid);
    json.writeObjectFieldStart("args");
    if (u != null) {
      json.writeNumberField("index", u.index());
      if (u.status() != null) {
        json.writeNumberField("status", u.status());
      }
      json.writeNumberField("bytes", u.bytes());
      json.writeNumberField("attempts", u.attempts());
      if (u.errorKind() != null) {
        json.writeStringField("error_kind", u.errorKind());
      }
    }
    json.writeEndObject();
    json.writeEndObject();
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
