package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.Cli;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code -H/--header} as the server receives it, and {@code -v}'s view of it. */
class HeaderOptionTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  private Cli.Result run(String... options) {
    List<String> args = new java.util.ArrayList<>(List.of(options));
    args.add(ListFiles.onServer(dir, server, "/bytes/5").toString());
    return Cli.run(args.toArray(new String[0]));
  }

  @Test
  void headersAreAddedRemovedAndSentEmptyAsCurlDoes() throws Exception {
    Cli.Result result = run("-H", "X-Trace: abc 123", "-H", "Accept-Encoding:", "-H",
        "User-Agent:", "-H", "X-Empty;", "-H", "X-Twice: 1", "-H", "X-Twice: 2");

    assertEquals(0, result.exitCode(), result::toString);
    RecordedRequest request = server.takeRequest();
    assertEquals("abc 123", request.getHeaders().get("X-Trace"));
    assertNull(request.getHeaders().get("Accept-Encoding"), "OkHttp's own header removed");
    assertNull(request.getHeaders().get("User-Agent"), "neither fetch's nor OkHttp's");
    assertEquals("", request.getHeaders().get("X-Empty"));
    assertEquals(List.of("1", "2"), request.getHeaders().values("X-Twice"));
    assertEquals("Keep-Alive", request.getHeaders().get("Connection"), "the rest untouched");
  }

  @Test
  void withoutHeadersFetchSendsItsDefaults() throws Exception {
    Cli.Result result = run();

    assertEquals(0, result.exitCode(), result::toString);
    RecordedRequest request = server.takeRequest();
    assertTrue(request.getHeaders().get("User-Agent").startsWith("fetch/"));
    assertEquals("gzip", request.getHeaders().get("Accept-Encoding"));
  }

  @Test
  void anExplicitUserAgentHeaderWinsOverMinusA() throws Exception {
    Cli.Result result = run("-A", "from-A", "-H", "user-agent: from-H");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of("from-H"), server.takeRequest().getHeaders().values("User-Agent"));
  }

  @Test
  void aHostHeaderIsSentAsGiven() throws Exception {
    Cli.Result result = run("-H", "Host: virtual.example");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("virtual.example", server.takeRequest().getHeaders().get("Host"));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", value = {
      "Bearer s3cret=>fetch: -H/--header: must be 'Name: value', 'Name:' (to remove a header) or "
          + "'Name;' (to send it empty)",
      "X-Token: s3\u0001cret=>fetch: -H/--header: X-Token: character 3 of the value is U+0001, a "
          + "control character; a value is printable ASCII",
      "X-Token: s3crét=>fetch: -H/--header: X-Token: character 5 of the value is U+00E9; a value "
          + "is printable ASCII",
      "Bad Name: s3cret=>fetch: -H/--header: character 4 of the header name is U+0020, a space; a "
          + "name has letters, digits and !#$%&'*+-.^_`|~ only",
      "Host:=>fetch: -H/--header: Host cannot be removed: HTTP/1.1 requires it"})
  void aBadHeaderIsAUsageErrorNamingTheOptionAndCharacterButNotTheValue(String header,
      String message) {
    Cli.Result result = run("-H", header);

    assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
    assertEquals(message, result.err().lines().findFirst().orElse(""), result::toString);
    assertFalse(result.err().contains("s3cr"), result::toString);
    assertEquals(0, server.getRequestCount(), "nothing was requested");
  }

  @Test
  void verboseShowsEachRequestAndResponseHeadWithCredentialsRedacted() throws Exception {
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(RecordedRequest request) {
        return new mockwebserver3.MockResponse.Builder()
            .addHeader("Set-Cookie", "session=s3cret-set; Path=/")
            .body("hello").build();
      }
    });
    String url = server.url("/page?q=1").newBuilder().username("alice").password("s3cret-url")
        .build().toString();
    Path list = ListFiles.write(dir, List.of(url));

    Cli.Result result = Cli.run("-v", "-H", "X-Api: visible", "-H",
        "Proxy-Authorization: Basic s3cret-proxy", "-b", "k=s3cret-cookie", list.toString());

    assertEquals(0, result.exitCode(), result::toString);
    String err = result.err();
    assertTrue(err.contains("] > GET /page?q=1 HTTP/1.1\n"), err);
    assertTrue(err.contains("] > Host: " + server.getHostName() + ":" + server.getPort() + "\n"),
        err);
    assertTrue(err.contains("] > X-Api: visible\n"), err);
    assertTrue(err.contains("] > Authorization: [redacted]\n"), err);
    assertTrue(err.contains("] > Proxy-Authorization: [redacted]\n"), err);
    assertTrue(err.contains("] > Cookie: [redacted]\n"), err);
    assertTrue(err.contains("] < HTTP/1.1 200 OK\n"), err);
    assertTrue(err.contains("] < Set-Cookie: [redacted]\n"), err);
    assertFalse(err.contains("s3cret"), err);
    assertFalse(result.out().contains("s3cret"), result::toString);
  }

  @Test
  void verboseEscapesControlCharactersInAResponseHeaderItThenRejects() {
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(RecordedRequest request) {
        return new mockwebserver3.MockResponse.Builder()
            .addHeaderLenient("X-Evil", "\u001b[31mred").body("hello").build();
      }
    });

    Cli.Result result = run("-v", "--retries", "0");

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result::toString);
    assertTrue(result.err().contains("] < X-Evil: \\u001b[31mred\n"), result::toString);
    assertFalse(result.err().contains("\u001b"), "no raw escape: " + result);
  }
}
