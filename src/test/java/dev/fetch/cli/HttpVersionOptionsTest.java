package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.Certificates;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Protocol;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --http1.1} and {@code --http2} against servers that speak each version (MockWebServer:
 * h2 by ALPN over TLS, h2c with prior knowledge), and the protocol each result reports.
 */
class HttpVersionOptionsTest {
  @TempDir Path dir;
  /** HTTP/2 or HTTP/1.1 over TLS, chosen by ALPN. */
  @StartStop private final MockWebServer tls = new MockWebServer();
  /** HTTP/2 with prior knowledge only: an HTTP/1.1 request is not understood. */
  @StartStop private final MockWebServer h2c = new MockWebServer();
  /** HTTP/1.1 only. */
  @StartStop private final MockWebServer plain = new MockWebServer();
  private final HeldCertificate authority = Certificates.authority();
  private Path ca;

  {
    for (MockWebServer server : List.of(tls, h2c, plain)) {
      server.setDispatcher(new TestSite());
    }
    tls.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
    Certificates.serve(tls, Certificates.issued(authority));
    h2c.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
  }

  @BeforeEach
  void writeCa() {
    ca = Certificates.pem(dir, authority);
  }

  private String https() {
    return "https://127.0.0.1:" + tls.getPort() + "/bytes/6";
  }

  private List<JsonNode> run(List<String> urls, String... options) {
    List<String> args = new ArrayList<>(List.of("-f", "jsonl", "--order", "input",
        "--retries", "0", "--cacert", ca.toString()));
    args.addAll(List.of(options));
    args.add(ListFiles.write(dir, urls).toString());
    Cli.Result result = Cli.run(args.toArray(new String[0]));
    return JsonLines.results(result);
  }

  private static List<String> protocols(List<JsonNode> results) {
    return results.stream().map(n -> n.get("protocol").isNull() ? "null"
        : n.get("protocol").asText()).toList();
  }

  @Test
  void byDefaultTlsNegotiatesH2AndPlainHttpIsHttp11() {
    List<JsonNode> results = run(List.of(https(), plain.url("/bytes/6").toString()));

    assertEquals(List.of("h2", "http/1.1"), protocols(results));
  }

  @Test
  void http11NeverOffersH2() {
    assertEquals(List.of("http/1.1", "http/1.1"),
        protocols(run(List.of(https(), plain.url("/bytes/6").toString()), "--http1.1")));
  }

  @Test
  void http2OffersH2OverTlsAndUsesPriorKnowledgeOnPlainHttp() {
    List<JsonNode> results = run(List.of(https(), h2c.url("/bytes/6").toString()), "--http2");

    assertEquals(List.of("h2", "h2"), protocols(results));
    assertEquals(List.of(6, 6), results.stream().map(n -> n.get("bytes").asInt()).toList());
  }

  @Test
  void withoutHttp2AnH2cOnlyServerFailsAndAFailureWithoutResponseHasNoProtocol() {
    List<JsonNode> results = run(List.of(h2c.url("/bytes/6").toString()));

    assertTrue(!results.get(0).get("error_kind").isNull(), results::toString);
    assertEquals(List.of("null"), protocols(results));
  }

  @Test
  void withHttp2ARedirectFromH2cToHttpsIsAnHttpFailureNamingIt() {
    h2c.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(301).addHeader("Location", https()).build();
      }
    });

    List<JsonNode> results = run(List.of(h2c.url("/moved").toString()), "--http2");

    // OkHttp refuses the https hop on a client with prior knowledge: an http failure, which is
    // never retried, not an I/O error.
    JsonNode only = results.get(0);
    assertEquals("http", only.get("error_kind").asText(), results::toString);
    assertEquals("redirect to https:// not followed: with --http2, http:// URLs use HTTP/2 with "
        + "prior knowledge (h2c), which cannot go on over TLS", only.get("error").asText());
    assertEquals(0, tls.getRequestCount(), "the https target was not asked");
  }

  @Test
  void anHttpFailureKeepsItsProtocol() {
    List<JsonNode> results = run(List.of("https://127.0.0.1:" + tls.getPort() + "/status/404"));

    assertEquals("http", results.get(0).get("error_kind").asText());
    assertEquals(List.of("h2"), protocols(results));
  }

  @Test
  void verboseLogsTheProtocolOfEachResponseAndCsvHasItsColumn() {
    Path list = ListFiles.write(dir, List.of(https()));
    Cli.Result verbose = Cli.run("-v", "--cacert", ca.toString(), list.toString());
    Cli.Result csv = Cli.run("-f", "csv", "--http1.1", "--cacert", ca.toString(),
        list.toString());

    assertTrue(verbose.err().contains(https() + ": h2 200"), verbose::toString);
    assertTrue(csv.outLines().get(0).contains(",protocol,"), csv::toString);
    assertTrue(csv.outLines().get(1).endsWith(",http/1.1,downloaded,,"), csv::toString);
  }

  @Test
  void bothVersionsAtOnceIsAUsageError() throws IOException {
    Cli.Result result = Cli.run("--http1.1", "--http2",
        ListFiles.write(dir, List.of(https())).toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("fetch: --http1.1 and --http2 cannot be used together"),
        result::toString);
    assertEquals(0, tls.getRequestCount());
  }
}
