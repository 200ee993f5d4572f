package dev.fetch.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads what {@code fetch --format=jsonl} printed: one JSON object a line, {@code "type":"result"}
 * for each URL, then one {@code "type":"summary"}. A line that is not JSON fails the test.
 */
public final class JsonLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonLines() {}

  /** One JSON document. */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** A JSON file, such as a trace or an export. */
  public static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every line of standard output, in order. */
  public static List<JsonNode> lines(Cli.Result result) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : result.outLines()) {
      nodes.add(parse(line));
    }
    return nodes;
  }

  /** The result lines, in the order printed. */
  public static List<JsonNode> results(Cli.Result result) {
    return lines(result).stream().filter(n -> n.get("type").asText().equals("result"))
        .collect(Collectors.toList());
  }

  /** The last line: the summary. */
  public static JsonNode summary(Cli.Result result) {
    List<JsonNode> nodes = lines(result);
    return nodes.get(nodes.size() - 1);
  }

  /** The result lines among {@code nodes}, by their {@code url}. */
  public static Map<String, JsonNode> byUrl(List<JsonNode> nodes) {
    Map<String, JsonNode> byUrl = new HashMap<>();
    nodes.stream().filter(n -> n.get("type").asText().equals("result"))
        .forEach(n -> byUrl.put(n.get("url").asText(), n));
    return byUrl;
  }

  /** The first of {@code results} whose URL contains {@code path}. */
  public static JsonNode byPath(List<JsonNode> results, String path) {
    return results.stream().filter(n -> n.get("url").asText().contains(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + path));
  }
}
