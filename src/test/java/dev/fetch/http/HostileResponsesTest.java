package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.cli.ExitCodes;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.Modes;
import dev.fetch.testing.RawServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile responses, sent byte for byte by a {@link RawServer}: each is one failure
 * of a named kind whose message tells the protocol violation, with control characters escaped,
 * in the modes where OkHttp's own threads read the response too. Never a success, never an
 * internal error, never a stack trace.
 */
class HostileResponsesTest {
  private static final String OK_HEAD = "HTTP/1.1 200 OK\r\n";

  @TempDir Path dir;
  private RawServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /** Name, raw response, the expected {@code error_kind}, and a part of the expected message. */
  static Stream<Arguments> responses() {
    return Stream.of(
        row("garbage status line", "garbage\r\n\r\n", "protocol", "status line"),
        row("no status line, only headers", "Content-Length: 0\r\n\r\n", "protocol",
            "status line"),
        row("nothing at all", "", "io", "end of stream"),
        row("status 999", "HTTP/1.1 999 Weird\r\nContent-Length: 0\r\n\r\n", "protocol",
            "999"),
        row("status 101 without an upgrade", "HTTP/1.1 101 Switching\r\n\r\n", "protocol",
            "101"),
        row("control byte in the status line", "HTTP/1.1 200 O\u001bK\r\nContent-Length: 0\r\n\r\n",
            "protocol", "\\u001b"),
        row("NUL in the status line of a 404", "HTTP/1.1 404 Not\u0000Found\r\n"
            + "Content-Length: 0\r\n\r\n", "protocol", "\\u0000"),
        row("Content-Length: -5", OK_HEAD + "Content-Length: -5\r\n\r\nhello", "protocol",
            "Content-Length"),
        row("Content-Length not a number", OK_HEAD + "Content-Length: five\r\n\r\nhello",
            "protocol", "Content-Length"),
        row("Content-Length beyond a long", OK_HEAD
            + "Content-Length: 99999999999999999999\r\n\r\nhello", "protocol", "Content-Length"),
        row("two different Content-Lengths", OK_HEAD
            + "Content-Length: 5\r\nContent-Length: 3\r\n\r\nhello", "protocol", "Content-Length"),
        row("Content-Length and chunked", OK_HEAD + "Content-Length: 5\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "protocol",
            "Transfer-Encoding"),
        row("bad chunk size", OK_HEAD + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n",
            "protocol", "chunk"),
        row("chunk size with an escape", OK_HEAD
            + "Transfer-Encoding: chunked\r\n\r\n5\u001b[2J\r\nhello\r\n", "protocol", "chunk"),
        row("body shorter than its length", OK_HEAD + "Content-Length: 100\r\n\r\nhello",
            "truncated", "body cut short"),
        row("redirect to an invalid Location", "HTTP/1.1 302 Found\r\nLocation: http://[bad\r\n"
            + "Content-Length: 0\r\n\r\n", "http", "redirect not followed"),
        row("redirect to a non-http Location", "HTTP/1.1 302 Found\r\n"
            + "Location: ftp://127.0.0.1/x\r\nContent-Length: 0\r\n\r\n", "http",
            "redirect not followed (to ftp://127.0.0.1/x)"),
        row("Location with an escape", "HTTP/1.1 302 Found\r\nLocation: \u001b[31mx\r\n"
            + "Content-Length: 0\r\n\r\n", "protocol", "\\u001b"),
        row("503 with Retry-After beyond an int", "HTTP/1.1 503 Busy\r\n"
            + "Retry-After: 99999999999\r\nContent-Length: 0\r\n\r\n", "http", "HTTP 503 Busy"),
        row("408 with Retry-After beyond an int", "HTTP/1.1 408 Slow\r\n"
            + "Retry-After: 99999999999\r\nContent-Length: 0\r\n\r\n", "http", "HTTP 408 Slow"),
        row("NUL in a header value", OK_HEAD + "X-Bad: a\u0000b\r\nContent-Length: 0\r\n\r\n",
            "protocol", "\\u0000"),
        row("escape in a header value", OK_HEAD + "X-Bad: \u001b[2J\r\nContent-Length: 0\r\n\r\n",
            "protocol", "\\u001b"),
        row("escape in a header name", OK_HEAD + "X-\u001bBad: b\r\nContent-Length: 0\r\n\r\n",
            "protocol", "\\u001b"));
  }

  private static Arguments row(String name, String response, String kind, String message) {
    return Arguments.of(name, response, kind, message);
  }

  @ParameterizedTest(name = "{0}, threads")
  @MethodSource("responses")
  void inThreads(String name, String response, String kind, String message) throws IOException {
    check("threads", response, kind, message);
  }

  @ParameterizedTest(name = "{0}, async")
  @MethodSource("responses")
  void inAsync(String name, String response, String kind, String message) throws IOException {
    check("async", response, kind, message);
  }

  @ParameterizedTest(name = "{0}, sequential")
  @MethodSource("responses")
  void inSequential(String name, String response, String kind, String message)
      throws IOException {
    check("sequential", response, kind, message);
  }

  @Test
  void aNotModifiedIsNotCalledARedirect() throws IOException {
    server = RawServer.replying("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n");

    JsonNode only = single(run("threads"));

    assertEquals("http", only.get("error_kind").asText());
    assertEquals("HTTP 304 Not Modified", only.get("error").asText());
  }

  @Test
  void aRedirectWithoutLocationSaysSo() throws IOException {
    server = RawServer.replying("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n");

    assertEquals("HTTP 302 Found: redirect not followed (no Location header)",
        single(run("threads")).get("error").asText());
  }

  @Test
  void aCredentialHeaderWithAControlCharacterIsRejectedWithoutItsValue() throws IOException {
    server = RawServer.replying(OK_HEAD + "Set-Cookie: sid=s3cret\u0007\r\n"
        + "Content-Length: 0\r\n\r\n");

    String error = single(run("threads")).get("error").asText();

    assertEquals("protocol error: control character in a header: Set-Cookie: [redacted]", error);
  }

  @Test
  void aHugeStatusLineIsCutInTheMessage() throws IOException {
    server = RawServer.replying("HTTP/1.1 200 " + "x".repeat(10_000) + "\u0007\r\n\r\n");

    String error = single(run("threads")).get("error").asText();

    assertTrue(error.startsWith("protocol error: control character in the status line: 200 xxx"),
        error);
    assertTrue(error.length() < 400, error);
  }

  @Test
  void aHugeLocationIsCutInTheMessage() throws IOException {
    server = RawServer.replying("HTTP/1.1 302 Found\r\nLocation: ftp://x/" + "a".repeat(10_000)
        + "\r\nContent-Length: 0\r\n\r\n");

    String error = single(run("threads")).get("error").asText();

    assertTrue(error.startsWith("HTTP 302 Found: redirect not followed (to ftp://x/aaa"), error);
    assertTrue(error.endsWith("...)"), error);
    assertTrue(error.length() < 400, error);
  }

  /**
   * OkHttp reads delay-seconds as an int; in processes mode the wait crosses a pipe in
   * nanoseconds, so a date centuries away must not overflow a long either (before the cap, the
   * worker failed there and the run never ended: hence the timeout).
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  @Timeout(60)
  void aRetryAfterBeyondAnIntIsAPlainHttpFailureInEveryMode(Mode mode) throws IOException {
    checkRetryAfter(mode, "99999999999");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  @Timeout(60)
  void aRetryAfterCenturiesAwayIsAPlainHttpFailureInEveryMode(Mode mode) throws IOException {
    checkRetryAfter(mode, "Fri, 31 Dec 9999 23:59:59 GMT");
  }

  private void checkRetryAfter(Mode mode, String retryAfter) throws IOException {
    Modes.assumeAvailable(mode);
    server = RawServer.replying("HTTP/1.1 503 Busy\r\nRetry-After: " + retryAfter + "\r\n"
        + "Content-Length: 0\r\n\r\n");

    Cli.Result result = run(mode.name().toLowerCase(Locale.ROOT));

    JsonNode only = single(result);
    assertEquals("http", only.get("error_kind").asText(), result.toString());
    assertEquals("HTTP 503 Busy", only.get("error").asText(), result.toString());
    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.toString());
  }

  private Cli.Result run(String mode) {
    Path list = ListFiles.write(dir, List.of(server.url("/x")));
    return Cli.run("-m", mode, "-f", "jsonl", "--retries", "0", "--connect-timeout", "5s",
        "--timeout", "10s", list.toString());
  }

  private static JsonNode single(Cli.Result result) {
    List<JsonNode> results = JsonLines.results(result);
    assertEquals(1, results.size(), result.toString());
    return results.get(0);
  }

  private void check(String mode, String response, String kind, String message)
      throws IOException {
    server = RawServer.replying(response);

    Cli.Result result = run(mode);

    JsonNode only = single(result);
    assertTrue(only.get("error_kind").isTextual(), result.toString());
    assertEquals(kind, only.get("error_kind").asText(), result.toString());
    String error = only.get("error").asText();
    assertNotEquals("internal error", error, result.toString());
    assertTrue(error.contains(message), () -> "expected '" + message + "' in: " + result);
    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.toString());
    assertFalse(hasControl(error), result.toString());
    assertFalse(hasControl(result.out().replace("\n", "")), result.toString());
    assertFalse(hasControl(result.err().replace("\n", "")), result.toString());
    assertFalse(result.err().contains("Exception"), result.toString());
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }
}
