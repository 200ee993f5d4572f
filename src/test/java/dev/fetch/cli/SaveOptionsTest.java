package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The save options and list-line settings as a user meets them: {@code --checksum-file} checked
 * before the first request, settings without {@code -o}, a line digest that contradicts the
 * checksum file. (Each option in each mode: {@link OptionContractTest}.)
 */
class SaveOptionsTest {
  private static final String A = "ab".repeat(32);

  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  private String at(String path) {
    return server.url(path).toString();
  }

  @Test
  void aMalformedChecksumFileIsAUsageErrorBeforeAnyRequest() throws IOException {
    Path sums = dir.resolve("SHA256SUMS");
    Files.writeString(sums, A + "  a.txt\nd41d8cd98f00b204e9800998ecf8427e  b.txt\n");
    Path list = ListFiles.write(dir, List.of(at("/a.txt")));

    Cli.Result result = Cli.run("-o", dir.resolve("out").toString(), "--checksum-file",
        sums.toString(), list.toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
    assertEquals("fetch: --checksum-file " + sums + ":2: a digest of 32 hexadecimal digits "
        + "(sha256 has 64, sha512 128; other digests are not supported)",
        result.err().lines().findFirst().orElse(""), result::toString);
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aMissingChecksumFileIsAUsageError() {
    Path sums = dir.resolve("missing");
    Cli.Result result = Cli.run("-o", dir.resolve("out").toString(), "--checksum-file",
        sums.toString(), at("/a.txt"));

    assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("fetch: --checksum-file " + sums + ": cannot read it"),
        result::toString);
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aLineDigestThatContradictsTheChecksumFileFailsThatLineOnly() throws IOException {
    Path sums = dir.resolve("SUMS");
    Files.writeString(sums, A + "  ./a.txt\n");
    Path list = ListFiles.write(dir, List.of(at("/a.txt") + " sha256=" + "cd".repeat(32),
        at("/bytes/3")));

    Cli.Result result = Cli.run("-f", "jsonl", "-o", dir.resolve("out").toString(),
        "--checksum-file", sums.toString(), list.toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result::toString);
    JsonNode failed = JsonLines.byPath(JsonLines.results(result), "/a.txt");
    assertEquals("invalid_url", failed.get("error_kind").asText());
    assertEquals(list + ":1: sha256= differs from the digest of a.txt in --checksum-file "
        + sums + ":1", failed.get("error").asText());
    assertEquals(1, server.getRequestCount(), "only /bytes/3");
  }

  @Test
  void withoutAnOutputDirSettingsAreCheckedButNoFileIsSaved() {
    Path list = ListFiles.write(dir, List.of(at("/a") + " out=a.txt", at("/b") + " out=../b",
        at("/c") + " out=a.txt"));

    Cli.Result result = Cli.run("-f", "jsonl", list.toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result::toString);
    List<JsonNode> results = JsonLines.results(result);
    assertEquals(3, results.size());
    assertTrue(JsonLines.byPath(results, "/a").get("path").isNull());
    assertTrue(JsonLines.byPath(results, "/c").get("error").isNull(),
        "names are not claimed when nothing is saved");
    assertEquals(list + ":2: out=: '..' is not allowed in a path",
        JsonLines.byPath(results, "/b").get("error").asText());
    assertEquals(list + ":2: out=: '..' is not allowed in a path\n", result.err());
  }

  @Test
  void aListWrittenForWgetOrCurlWithASpaceStillSaysSo() {
    Path list = ListFiles.write(dir, List.of(at("/my") + " file.txt", at("/ok")));

    Cli.Result result = Cli.run("-f", "jsonl", list.toString());

    assertEquals(list + ":1: contains a space: one URL per line; encode spaces in a URL as %20\n",
        result.err());
    assertEquals(1, server.getRequestCount(), "only /ok");
  }
}
