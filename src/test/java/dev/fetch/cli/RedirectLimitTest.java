package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --max-redirects}: 0 follows none, N follows N, one more is "too many redirects". */
class RedirectLimitTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  private JsonNode fetch(String path, String... options) {
    String[] args = new String[options.length + 4];
    System.arraycopy(options, 0, args, 0, options.length);
    args[options.length] = "-f";
    args[options.length + 1] = "jsonl";
    args[options.length + 2] = "--retries=0";
    args[options.length + 3] = ListFiles.onServer(dir, server, path).toString();
    Cli.Result result = Cli.run(args);
    return JsonLines.results(result).get(0);
  }

  @Test
  void zeroFollowsNoRedirect() {
    JsonNode node = fetch("/redirect/1", "--max-redirects", "0");

    assertEquals(302, node.get("status").asInt(), node.toString());
    assertEquals("http", node.get("error_kind").asText());
    assertEquals("HTTP 302 Redirection: too many redirects (0) (to " + server.url("/bytes/10")
        + ")", node.get("error").asText());
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void exactlyTheLimitIsFollowed(int hops) {
    JsonNode node = fetch("/redirect/" + hops, "--max-redirects", String.valueOf(hops));

    assertTrue(node.get("error").isNull(), node.toString());
    assertEquals(10, node.get("bytes").asInt());
    assertEquals(hops + 1, server.getRequestCount());
  }

  @Test
  void oneMoreThanTheLimitIsTooManyRedirects() {
    JsonNode node = fetch("/redirect/2", "--max-redirs", "1");

    assertEquals("HTTP 302 Redirection: too many redirects (1) (to " + server.url("/bytes/10")
        + ")", node.get("error").asText(), node.toString());
    assertEquals(2, server.getRequestCount(), "the first request and one redirect");
  }

  @Test
  void aNegativeLimitIsAUsageError() {
    Cli.Result result = Cli.run("--max-redirects", "-1",
        ListFiles.onServer(dir, server, "/a").toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("fetch: --max-redirects must be 0 or more, not -1"),
        result::toString);
  }
}
