package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.Ports;
import dev.fetch.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In {@code async} mode every result, success or failure of any kind, names one of the run's
 * {@code --workers} lanes, {@code async-1} to {@code async-N}: never an OkHttp thread, never a
 * lane beyond N (the timeline and the trace draw one lane per name).
 */
class AsyncWorkerNamesTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  @Test
  void resultsNameOnlyTheRunsLanes() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String path = i % 4 == 0 ? "/status/404" : i % 4 == 1 ? "/flaky/f" + i + "?fails=1&status=503"
          : "/bytes/" + (100 + i);
      lines.add(server.url(path).toString());
    }
    lines.add("http://127.0.0.1:" + Ports.refused() + "/refused");
    Path list = dir.resolve("list.txt");
    Files.write(list, lines);

    Cli.Result result = Cli.run("--mode", "async", "--workers", "3", "--retries", "1",
        "--connect-timeout", "2s", "-f", "jsonl", list.toString());

    List<JsonNode> results = JsonLines.results(result);
    assertEquals(41, results.size(), result::toString);
    Set<String> workers = new TreeSet<>();
    results.forEach(r -> workers.add(r.get("worker").asText()));
    assertTrue(Set.of("async-1", "async-2", "async-3").containsAll(workers), workers::toString);
  }
}
