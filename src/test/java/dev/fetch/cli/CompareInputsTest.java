package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.compare.ListDigest;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fetch compare} takes its URLs as {@code fetch} does: URL arguments, list files,
 * {@code -i} lists (a list at a URL downloaded once, before the runs, after every option is
 * checked), and standard input when it is a pipe and nothing is named.
 */
class CompareInputsTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();
  private final ListSite site = new ListSite();

  {
    server.setDispatcher(site);
  }

  @Test
  void urlArgumentsAListFileAndAListAtAUrlAreOneList() throws Exception {
    site.put("/lists/remote.txt", server.url("/c") + "\n" + server.url("/d") + "\n");
    Path file = dir.resolve("local.txt");
    Files.writeString(file, server.url("/b") + "\n");
    Path json = dir.resolve("compare.json");

    Cli.Result result = Cli.run("compare", server.url("/a").toString(), file.toString(),
        "-i", server.url("/lists/remote.txt").toString(), "--modes", "threads,async", "-w", "2",
        "--runs", "2", "--warmup", "0", "--seed", "1", "-q", "--export-json", json.toString());

    assertEquals(0, result.exitCode(), result::toString);
    JsonNode root = JsonLines.read(json);
    assertEquals(4, root.get("urls").asInt(), root::toString);
    String listed = server.url("/a") + "\n" + server.url("/b") + "\n" + server.url("/c") + "\n"
        + server.url("/d") + "\n";
    assertEquals(ListDigest.of(listed.getBytes(StandardCharsets.UTF_8)),
        root.get("list_sha256").asText(), "the inputs digest as the one list they make");
    int listRequests = 0;
    int pageRequests = 0;
    for (int i = server.getRequestCount(); i > 0; i--) {
      String path = server.takeRequest().getUrl().encodedPath();
      if (path.equals("/lists/remote.txt")) {
        listRequests++;
      } else {
        pageRequests++;
      }
    }
    assertEquals(1, listRequests, "the list at a URL is downloaded once for every run");
    assertEquals(4 * 2 * 2, pageRequests, "4 URLs × 2 combinations × 2 runs");
  }

  @Test
  void aPipedStandardInputIsTheListWhenNothingIsNamed() throws Exception {
    Path json = dir.resolve("compare.json");

    Cli.Result result = Cli.runWithStdin(server.url("/a") + "\n" + server.url("/b") + "\n",
        "compare", "--modes", "threads", "--runs", "1", "--warmup", "0", "-q", "--export-json",
        json.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(2, JsonLines.read(json).get("urls").asInt());
    assertEquals("<stdin>", JsonLines.read(json).get("list").asText());
  }

  @Test
  void nothingNamedOnATerminalIsAUsageError() {
    Cli.Result result = Cli.run("compare", "--modes", "threads");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("Missing required parameter"), result::toString);
  }

  @Test
  void aBadOptionIsFoundBeforeTheListIsDownloaded() {
    site.put("/lists/remote.txt", server.url("/a") + "\n");

    Cli.Result result = Cli.run("compare", "-i", server.url("/lists/remote.txt").toString(),
        "--modes", "threads", "--require", "threads >= 2x nonsense");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
    assertEquals(0, server.getRequestCount(), "no request before the options are checked");
  }
}
