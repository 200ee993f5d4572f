package dev.fetch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.cli.ExitCodes;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.Modes;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Long runs, kept out of the default test run: {@code mvn -B -Psoak test} (and .ci/run) runs
 * them. 10,000 URLs, with more workers than the server's listen backlog: every URL is reported
 * exactly once, whatever the server's queue does to the connections.
 */
@Tag("soak")
class SoakTest {
  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"THREADS", "VIRTUAL", "ASYNC"})
  void tenThousandUrlsWithMoreWorkersThanTheBacklogEachReportedOnce(Mode mode)
      throws IOException {
    Modes.assumeAvailable(mode);
    int count = 10_000;
    try (SiteServer server = SiteServer.start("127.0.0.1", 0, 16)) {
      String list = SiteLists.pages(server.baseUrl(), count, 1024, 0);
      Cli.Result result = Cli.runWithStdin(list, "-m", mode.toString(), "-w", "600", "-f",
          "jsonl", "--connect-timeout", "20s", "-");

      int[] seen = new int[count];
      long succeeded = 0;
      for (String line : result.outLines()) {
        JsonNode node = JsonLines.parse(line);
        if (node.get("type").asText().equals("result")) {
          seen[node.get("index").asInt()]++;
          succeeded += node.get("error").isNull() ? 1 : 0;
        }
      }
      for (int i = 0; i < count; i++) {
        assertEquals(1, seen[i], "index " + i + " reported " + seen[i] + " times");
      }
      assertEquals(count, succeeded, result.err());
      assertEquals(ExitCodes.OK, result.exitCode());
    }
  }
}
