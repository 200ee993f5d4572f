package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code -A/--user-agent} is a header value: anything HTTP does not allow in one is a usage error
 * naming the option, before any request, in {@code fetch} and {@code fetch compare} alike.
 */
class UserAgentOptionTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  private Path list() {
    return ListFiles.onServer(dir, server, "/bytes/3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bot\r\nX-Injected: 1", "bot\nx", "bot\rx", "bot\u0000", "bot\u001b[2J",
      "bot\u007f", "bot\u00f6", "bot\u2603", "bot\u0085"})
  void aValueHttpDoesNotAllowIsAUsageErrorBeforeAnyRequest(String agent) {
    Cli.Result result = Cli.run("-A", agent, list().toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.err().contains("-A/--user-agent must be printable ASCII"), result.err());
    assertTrue(result.err().contains(String.format("U+%04X", (int) agent.charAt(3))),
        result.err());
    assertFalse(result.err().contains("internal error"), result.err());
    assertFalse(result.err().chars().anyMatch(c -> c != '\n' && Character.isISOControl(c)),
        result.err());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void compareChecksItToo() {
    Cli.Result result = Cli.run("compare", "-A", "bot\nx", "--modes", "sequential",
        list().toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.err().contains("-A/--user-agent must be printable ASCII"), result.err());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void printableAsciiWithSpacesAndTabsIsSentAsGiven() throws InterruptedException {
    Cli.Result result = Cli.run("-f", "jsonl", "-A", "my bot/1.0\t(+https://x.example/)",
        list().toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(1, JsonLines.results(result).size());
    RecordedRequest request = server.takeRequest();
    assertEquals("my bot/1.0\t(+https://x.example/)", request.getHeaders().get("User-Agent"));
  }
}
