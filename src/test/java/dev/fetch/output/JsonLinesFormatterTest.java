package dev.fetch.output;

import static dev.fetch.output.TextFormatterTest.HTTP_FAILURE;
import static dev.fetch.output.TextFormatterTest.INTERRUPTED;
import static dev.fetch.output.TextFormatterTest.INVALID_URL;
import static dev.fetch.output.TextFormatterTest.NORMAL;
import static dev.fetch.output.TextFormatterTest.SINGULAR;
import static dev.fetch.output.TextFormatterTest.SUCCESS;
import static dev.fetch.output.TextFormatterTest.TRANSPORT_FAILURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.testing.JsonLines;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesFormatterTest {
  private static final List<String> RESULT_FIELDS = List.of("type", "index", "url", "status",
      "bytes", "elapsed_ms", "attempts", "worker", "error", "error_kind",
      "protocol", "outcome", "path", "file_bytes");
  private static final List<String> SUMMARY_FIELDS = List.of("type", "mode", "workers", "urls",
      "succeeded", "failed", "bytes", "elapsed_ms", "unfinished", "interrupted", "worker_crashes",
      "downloaded", "not_modified", "skipped");

  private final JsonLinesFormatter json = new JsonLinesFormatter();

  /** Parses one output line, checking it is exactly one line holding exactly these fields. */
  private static JsonNode parse(String line, List<String> fields) throws Exception {
    assertTrue(line.endsWith("\n"), line);
    assertEquals(line.length() - 1, line.indexOf('\n'), "one line only: " + line);
    JsonNode node = JsonLines.parse(line);
    assertEquals(fields, iterable(node.fieldNames()));
    return node;
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  @Test
  void noHeader() {
    assertEquals("", json.header());
    assertTrue(json.summaryOnStdout());
  }

  @Test
  void success() throws Exception {
    String line = json.result(SUCCESS);
    assertEquals("{\"type\":\"result\",\"index\":0,\"url\":\"https://example.com/wiki/Portal:Arts\","
        + "\"status\":200,\"bytes\":129886,\"elapsed_ms\":153.412,\"attempts\":1,"
        + "\"worker\":\"worker-1\",\"error\":null,\"error_kind\":null,\"protocol\":\"h2\","
        + "\"outcome\":\"downloaded\",\"path\":null,\"file_bytes\":null}\n",
        line);

    JsonNode node = parse(line, RESULT_FIELDS);
    assertEquals("result", node.get("type").asText());
    assertEquals(0, node.get("index").intValue());
    assertEquals("https://example.com/wiki/Portal:Arts", node.get("url").asText());
    assertEquals(200, node.get("status").intValue());
    assertEquals(129886L, node.get("bytes").longValue());
    assertEquals(0, new BigDecimal("153.412").compareTo(node.get("elapsed_ms").decimalValue()));
    assertEquals(1, node.get("attempts").intValue());
    assertEquals("worker-1", node.get("worker").asText());
    assertTrue(node.get("error").isNull());
    assertTrue(node.get("error_kind").isNull());
  }

  @Test
  void httpFailure() throws Exception {
    String line = json.result(HTTP_FAILURE);
    assertEquals("{\"type\":\"result\",\"index\":1,\"url\":\"https://example.com/missing\","
        + "\"status\":404,\"bytes\":9,\"elapsed_ms\":12.500,\"attempts\":3,"
        + "\"worker\":\"worker-2\",\"error\":\"HTTP 404 Not Found\",\"error_kind\":\"http\","
        + "\"protocol\":\"http/1.1\",\"outcome\":\"failed\",\"path\":null,"
        + "\"file_bytes\":null}\n",
        line);

    JsonNode node = parse(line, RESULT_FIELDS);
    assertEquals(1, node.get("index").intValue());
    assertEquals(404, node.get("status").intValue());
    assertEquals(9L, node.get("bytes").longValue());
    assertEquals(0, new BigDecimal("12.500").compareTo(node.get("elapsed_ms").decimalValue()));
    assertEquals(3, node.get("attempts").intValue());
    assertEquals("worker-2", node.get("worker").asText());
    assertEquals("HTTP 404 Not Found", node.get("error").asText());
    assertEquals("http", node.get("error_kind").asText());
  }

  @Test
  void transportFailureHasNullStatus() throws Exception {
    String line = json.result(TRANSPORT_FAILURE);
    assertEquals("{\"type\":\"result\",\"index\":2,\"url\":\"http://down.test:81/\","
        + "\"status\":null,\"bytes\":0,\"elapsed_ms\":5.001,\"attempts\":1,"
        + "\"worker\":\"worker-1\",\"error\":\"cannot connect: Connection refused\","
        + "\"error_kind\":\"connect\",\"protocol\":null,\"outcome\":\"failed\",\"path\":null,"
        + "\"file_bytes\":null}\n", line);

    JsonNode node = parse(line, RESULT_FIELDS);
    assertTrue(node.get("status").isNull());
    assertEquals(0, new BigDecimal("5.001").compareTo(node.get("elapsed_ms").decimalValue()));
    assertEquals("connect", node.get("error_kind").asText());
  }

  @Test
  void invalidUrlHasNullWorkerAndNoAttempts() throws Exception {
    String line = json.result(INVALID_URL);
    assertEquals("{\"type\":\"result\",\"index\":3,\"url\":\"ftp://files.test/a\","
        + "\"status\":null,\"bytes\":0,\"elapsed_ms\":0.000,\"attempts\":0,\"worker\":null,"
        + "\"error\":\"list.txt:5: unsupported scheme 'ftp' (only http and https)\","
        + "\"error_kind\":\"invalid_url\",\"protocol\":null,\"outcome\":\"failed\","
        + "\"path\":null,\"file_bytes\":null}\n", line);

    JsonNode node = parse(line, RESULT_FIELDS);
    assertTrue(node.get("status").isNull());
    assertTrue(node.get("worker").isNull());
    assertEquals(0, node.get("attempts").intValue());
    assertEquals(0, node.get("bytes").longValue());
    assertEquals("invalid_url", node.get("error_kind").asText());
  }

  @Test
  void awkwardCharactersRoundTrip() throws Exception {
    String url = "http://a.test/\"quoted\"\\back\u001b[31m\r\n\u2028caf\u00e9";
    String message = "say \"hi\"\\\u0000\t";
    DownloadResult result = new DownloadResult.Failure(7, url, 503, 0, Duration.ofMillis(1), 2,
        "w", ErrorKind.HTTP, message, null);

    String line = json.result(result);

    assertTrue(line.contains("\"url\":\"http://a.test/\\\"quoted\\\"\\\\back\\u001B[31m\\r\\n"),
        line);
    assertTrue(line.contains("\"error\":\"say \\\"hi\\\"\\\\\\u0000\\t\""), line);
    assertFalse(line.contains("\u001b"), line);
    assertFalse(line.substring(0, line.length() - 1).contains("\n"), line);
    JsonNode node = parse(line, RESULT_FIELDS);
    assertEquals(url, node.get("url").asText());
    assertEquals(message, node.get("error").asText());
  }

  @Test
  void summary() throws Exception {
    String line = json.summary(NORMAL);
    assertEquals("{\"type\":\"summary\",\"mode\":\"threads\",\"workers\":5,\"urls\":15,"
        + "\"succeeded\":14,\"failed\":1,\"bytes\":2961726,\"elapsed_ms\":612.000,"
        + "\"unfinished\":0,\"interrupted\":false,\"worker_crashes\":0,"
        + "\"downloaded\":14,\"not_modified\":0,\"skipped\":0}\n", line);

    JsonNode node = parse(line, SUMMARY_FIELDS);
    assertEquals("summary", node.get("type").asText());
    assertEquals("threads", node.get("mode").asText());
    assertEquals(5, node.get("workers").intValue());
    assertEquals(15, node.get("urls").longValue());
    assertEquals(14, node.get("succeeded").longValue());
    assertEquals(1, node.get("failed").longValue());
    assertEquals(2961726, node.get("bytes").longValue());
    assertEquals(0, new BigDecimal("612.000").compareTo(node.get("elapsed_ms").decimalValue()));
    assertEquals(0, node.get("unfinished").longValue());
    assertFalse(node.get("interrupted").booleanValue());
  }

  @Test
  void interruptedSummary() throws Exception {
    String line = json.summary(INTERRUPTED);
    assertEquals("{\"type\":\"summary\",\"mode\":\"virtual\",\"workers\":4,\"urls\":7,"
        + "\"succeeded\":5,\"failed\":2,\"bytes\":100,\"elapsed_ms\":1234.568,"
        + "\"unfinished\":3,\"interrupted\":true,\"worker_crashes\":0,"
        + "\"downloaded\":5,\"not_modified\":0,\"skipped\":0}\n", line);

    JsonNode node = parse(line, SUMMARY_FIELDS);
    assertEquals(3, node.get("unfinished").longValue());
    assertTrue(node.get("interrupted").booleanValue());
  }

  @Test
  void singularSummary() throws Exception {
    String line = json.summary(SINGULAR);
    assertEquals("{\"type\":\"summary\",\"mode\":\"sequential\",\"workers\":1,\"urls\":1,"
        + "\"succeeded\":1,\"failed\":0,\"bytes\":10,\"elapsed_ms\":4.500,"
        + "\"unfinished\":0,\"interrupted\":false,\"worker_crashes\":0,"
        + "\"downloaded\":1,\"not_modified\":0,\"skipped\":0}\n", line);
    parse(line, SUMMARY_FIELDS);
  }

  @Test
  void summaryCountsWorkerCrashes() throws Exception {
    String line = json.summary(TextFormatterTest.CRASHED);
    assertEquals("{\"type\":\"summary\",\"mode\":\"processes\",\"workers\":2,\"urls\":3,"
        + "\"succeeded\":2,\"failed\":1,\"bytes\":30,\"elapsed_ms\":2000.000,"
        + "\"unfinished\":0,\"interrupted\":false,\"worker_crashes\":4,"
        + "\"downloaded\":2,\"not_modified\":0,\"skipped\":0}\n", line);
    assertEquals(4, parse(line, SUMMARY_FIELDS).get("worker_crashes").longValue());
  }
}
