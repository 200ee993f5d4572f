package dev.fetch.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetch.log.Diagnostics;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code --baseline FILE}: an earlier {@code fetch compare --export-json}, of schema
 * {@code fetch-compare/1} or {@code fetch-compare/2}. Only what both schemas share is read: the
 * list, the environment and every run's time, whether it was a warm-up and how many URLs failed;
 * the statistics are computed again from the runs, so an old file is judged by today's method.
 * Everything is checked before the first request: any problem is a {@link PlanException} naming
 * the option and the file.
 */
public final class BaselineFile {
  /** The schemas this version reads. */
  public static final Set<String> SCHEMAS = Set.of("fetch-compare/1", "fetch-compare/2");
  /** Larger files are not read: a compare export of 10,000 runs of a long list is smaller. */
  static final long MAX_BYTES = 512L << 20;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BaselineFile() {}

  /**
   * Reads and checks {@code file}.
   *
   * @throws PlanException when it cannot be read, is not JSON, not a compare export of a known
   *     schema, or has no results
   */
  public static Baseline read(String file) {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw problem(file, "not a valid path");
    }
    if (Files.isDirectory(path)) {
      throw problem(file, "it is a directory");
    }
    String text;
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw problem(file, "no such file");
    } catch (AccessDeniedException e) {
      throw problem(file, "permission denied");
    } catch (CharacterCodingException e) {
      throw problem(file, "not UTF-8 text");
    } catch (IOException e) {
      throw problem(file, "cannot read it (" + e.getMessage() + ")");
    }
    return parse(file, text);
  }

  /** Reads an export's text; {@code file} names it in messages. */
  public static Baseline parse(String file, String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw problem(file, "not JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw problem(file, "not a fetch compare --export-json file");
    }
    String schema = root.path("schema").asText("");
    if (!SCHEMAS.contains(schema)) {
      throw problem(file, "not a fetch compare --export-json file of a schema this version "
          + "reads (" + String.join(", ", SCHEMAS.stream().sorted().toList()) + "); its schema "
          + "is " + (schema.isEmpty() ? "missing" : "'" + schema + "'"));
    }
    JsonNode results = root.path("results");
    if (!results.isArray() || results.isEmpty()) {
      throw problem(file, "it has no results");
    }
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (JsonNode result : results) {
      String label = Diagnostics.printable(result.path("combination").asText(""));
      if (label.isEmpty() || !result.path("runs").isArray()) {
        throw problem(file, "a result without a combination or runs");
      }
      List<Double> usable = new ArrayList<>();
      for (JsonNode run : result.path("runs")) {
        JsonNode time = run.path("time_s");
        if (!time.isNumber() || !(time.asDouble() > 0)) {
          throw problem(file, label + " has a run without a positive time_s");
        }
        if (!run.path("warmup").asBoolean(false) && run.path("failed").asLong(0) == 0) {
          usable.add(time.asDouble());
        }
      }
      times.put(label, usable);
    }
    JsonNode sha = root.path("list_sha256");
    return new Baseline(Diagnostics.printable(file), schema, text(root, "list"),
        sha.isTextual() ? text(root, "list_sha256") : null, root.path("urls").asLong(0),
        environment(root.path("environment")), times);
  }

  private static Environment environment(JsonNode e) {
    return new Environment(text(e, "fetch_version"), e.path("cores").asInt(0),
        e.path("max_heap_bytes").asLong(0), text(e, "java"), text(e, "os"),
        text(e, "started_at"));
  }

  /** A text field, with control characters escaped: the file's text reaches every output. */
  private static String text(JsonNode node, String field) {
    return Diagnostics.printable(node.path(field).asText("?"));
  }

  private static PlanException problem(String file, String reason) {
    return new PlanException(Diagnostics.printable("--baseline " + file + ": " + reason));
  }
}
