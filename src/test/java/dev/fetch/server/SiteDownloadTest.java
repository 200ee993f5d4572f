package dev.fetch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.cli.ExitCodes;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Modes;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** fetch against its own test site: the tutorial's byte counts, and the faults it can stage. */
class SiteDownloadTest {
  private static SiteServer server;

  @BeforeAll
  static void start() throws IOException {
    server = SiteServer.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyModeReadsTheTutorialsFifteenByteCounts(Mode mode) throws IOException {
    Modes.assumeAvailable(mode);
    String list = SiteLists.seed(server.baseUrl(), 20);
    Cli.Result result = Cli.runWithStdin(list, "-m", mode.toString(), "-w", "5", "-f", "jsonl",
        "--order", "input", "-");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (JsonNode node : JsonLines.results(result)) {
      String url = node.get("url").asText();
      bytes.put(url.substring(url.indexOf("/wiki/") + 6, url.indexOf('?')),
          node.get("bytes").asLong());
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    SeedPages.sizes().forEach((name, size) -> expected.put(name, (long) size));
    assertEquals(expected, bytes);
    assertEquals(List.of(129886L, 184343L, 224118L, 107637L, 151021L, 157811L, 167923L, 91533L,
        321352L, 391905L, 321417L, 468461L, 180298L, 56765L, 324039L),
        new ArrayList<>(bytes.values()), "the tutorial's numbers, in its order");
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"VIRTUAL", "ASYNC"})
  void tenThousandUrlsOnAThousandWorkersEachReportedOnce(Mode mode) throws IOException {
    Modes.assumeAvailable(mode);
    int count = 10_000;
    String list = SiteLists.pages(server.baseUrl(), count, 512, 0);
    Cli.Result result = Cli.runWithStdin(list, "-m", mode.toString(), "-w", "1000", "-f",
        "jsonl", "-");

    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    boolean[] seen = new boolean[count];
    int results = 0;
    for (JsonNode node : JsonLines.results(result)) {
      int index = node.get("index").asInt();
      assertEquals(false, seen[index], "index " + index + " reported twice");
      seen[index] = true;
      assertEquals(512, node.get("bytes").asInt());
      results++;
    }
    assertEquals(count, results);
    JsonNode summary = JsonLines.parse(result.outLines().get(count));
    assertEquals(count, summary.get("succeeded").asInt());
    assertEquals(1000, summary.get("workers").asInt());
  }

  @Test
  void dropIsTruncatedAndStallIsATimeout() throws IOException {
    String list = server.baseUrl() + "/drop/50000\n" + server.baseUrl() + "/stall\n";
    Cli.Result result = Cli.runWithStdin(list, "-f", "jsonl", "--retries", "0", "--timeout",
        "500ms", "--order", "input", "-");

    List<JsonNode> nodes = JsonLines.results(result);
    assertEquals("truncated", nodes.get(0).get("error_kind").asText(), nodes.get(0).toString());
    assertEquals(50000, nodes.get(0).get("bytes").asLong(), "the bytes that did arrive");
    assertEquals("timeout", nodes.get(1).get("error_kind").asText(), nodes.get(1).toString());
    assertEquals(ExitCodes.FAILURES, result.exitCode());
  }

  @Test
  void tricklingBodiesStillFinish() throws IOException {
    String list = server.baseUrl() + "/bytes/2000?rate=20000\n";
    Cli.Result result = Cli.runWithStdin(list, "-f", "jsonl", "-");

    assertEquals(2000, JsonLines.results(result).get(0).get("bytes").asInt());
    assertEquals(ExitCodes.OK, result.exitCode());
  }
}
