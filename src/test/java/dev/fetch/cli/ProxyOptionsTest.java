package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.Certificates;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.Ports;
import dev.fetch.testing.RecordingProxy;
import dev.fetch.testing.TestSite;
import dev.fetch.testing.Tinyproxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proxies end to end: a real tinyproxy for plain requests and {@code CONNECT} tunnels, a
 * {@link RecordingProxy} to see exactly what fetch sends a proxy, the environment's variables
 * and {@code --proxy}/{@code --noproxy} over them, and credentials that reach no output.
 */
class ProxyOptionsTest {
  private static final String SECRET = "s3cret";
  private static final String BASIC = Base64.getEncoder().encodeToString(
      ("alice:" + SECRET).getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;
  @StartStop private final MockWebServer plain = new MockWebServer();
  private final MockWebServer tls = new MockWebServer();
  private HeldCertificate authority;
  private Path caFile;

  {
    plain.setDispatcher(new TestSite());
    tls.setDispatcher(new TestSite());
  }

  @BeforeEach
  void startTls() throws IOException {
    authority = Certificates.authority();
    Certificates.serve(tls, Certificates.issued(authority));
    tls.start();
    caFile = Certificates.pem(dir, authority);
  }

  @AfterEach
  void stopTls() {
    tls.close();
  }

  private Path list() {
    return ListFiles.write(dir, List.of(plain.url("/bytes/11").toString(),
        "https://127.0.0.1:" + tls.getPort() + "/bytes/12"));
  }

  @Test
  void tinyproxyCarriesPlainRequestsAndTunnelsHttpsWithCredentials() throws Exception {
    try (Tinyproxy proxy = Tinyproxy.start(dir, "alice", SECRET)) {
      Cli.Result result = Cli.run("-f", "jsonl", "--order", "input", "--proxy",
          proxy.url("alice:" + SECRET), "--cacert", caFile.toString(), list().toString());

      assertEquals(0, result.exitCode(), result::toString);
      List<JsonNode> nodes = JsonLines.results(result);
      assertEquals(11, nodes.get(0).get("bytes").asInt(), result::toString);
      assertEquals(12, nodes.get(1).get("bytes").asInt(), result::toString);
      RecordedRequest viaProxy = plain.takeRequest();
      assertTrue(String.valueOf(viaProxy.getHeaders().get("Via")).contains("tinyproxy"),
          viaProxy.getHeaders()::toString);
      assertNull(viaProxy.getHeaders().get("Proxy-Authorization"));
      RecordedRequest tunneled = tls.takeRequest();
      assertNull(tunneled.getHeaders().get("Proxy-Authorization"), "the tunnel hides it");
      assertNull(tunneled.getHeaders().get("Via"), "tinyproxy cannot see inside the tunnel");
      assertTrue(proxy.log().stream().anyMatch(line -> line.contains("CONNECT 127.0.0.1:"
          + tls.getPort())), proxy.log()::toString);
      assertFalse(result.toString().contains(SECRET), result::toString);
    }
  }

  @Test
  void withoutCredentialsTinyproxyRefusesBothAndTheFailuresSaySo() throws Exception {
    try (Tinyproxy proxy = Tinyproxy.start(dir, "alice", SECRET)) {
      Cli.Result result = Cli.run("-f", "jsonl", "--order", "input", "--retries", "2",
          "--proxy", proxy.url("alice:wrong"), "--cacert", caFile.toString(),
          list().toString());

      // tinyproxy answers wrong credentials with 401 (and none at all with 407).
      assertEquals(1, result.exitCode(), result::toString);
      List<JsonNode> nodes = JsonLines.results(result);
      assertEquals(401, nodes.get(0).get("status").asInt(), result::toString);
      assertEquals("http", nodes.get(0).get("error_kind").asText());
      assertEquals("http", nodes.get(1).get("error_kind").asText(), result::toString);
      assertEquals("proxy refused CONNECT: HTTP 401", nodes.get(1).get("error").asText());
      assertEquals(1, nodes.get(1).get("attempts").asInt(), "a refusal is not retried");
      assertEquals(0, plain.getRequestCount() + tls.getRequestCount());
      assertFalse(result.toString().contains("wrong"), result::toString);
    }
  }

  @Test
  void aProxyThatAnswers407ToTheCredentialsSentIsNotAskedAgain() throws Exception {
    try (RecordingProxy proxy = RecordingProxy.requiring("alice", SECRET)) {
      Cli.Result result = Cli.run("-f", "jsonl", "--order", "input", "--retries", "2",
          "--proxy", proxy.url("alice:wrong"), "--cacert", caFile.toString(),
          list().toString());

      assertEquals(1, result.exitCode(), result::toString);
      List<JsonNode> nodes = JsonLines.results(result);
      assertEquals(407, nodes.get(0).get("status").asInt(), result::toString);
      assertEquals("HTTP 407 Proxy Authentication Required", nodes.get(0).get("error")
          .asText());
      assertEquals("proxy authentication failed: 407 to CONNECT (check the proxy's "
          + "user:password)", nodes.get(1).get("error").asText());
      assertEquals(List.of(1, 1), List.of(nodes.get(0).get("attempts").asInt(),
          nodes.get(1).get("attempts").asInt()), "not retried");
      assertEquals(2, proxy.heads().size(), "each asked once: " + proxy.heads());
    }
  }

  @Test
  void theEnvironmentChoosesTheProxyOfEachScheme() throws Exception {
    try (Tinyproxy proxy = Tinyproxy.start(dir, null, null)) {
      Cli.Result result = Cli.runWithEnv(Map.of("http_proxy", proxy.url(null),
          "HTTPS_PROXY", proxy.url(null)), "-f", "jsonl", "--cacert", caFile.toString(),
          list().toString());

      assertEquals(0, result.exitCode(), result::toString);
      assertTrue(String.valueOf(plain.takeRequest().getHeaders().get("Via"))
          .contains("tinyproxy"));
      assertTrue(proxy.log().stream().anyMatch(line -> line.contains("CONNECT 127.0.0.1:"
          + tls.getPort())), proxy.log()::toString);
    }
  }

  @Test
  void credentialsAreSentUpFrontOnTheConnectAndThePlainRequestOnly() throws Exception {
    try (RecordingProxy proxy = RecordingProxy.requiring("alice", SECRET)) {
      Cli.Result result = Cli.run("-f", "jsonl", "-w", "1", "--proxy",
          proxy.url("alice:" + SECRET), "--cacert", caFile.toString(), list().toString());

      assertEquals(0, result.exitCode(), result::toString);
      List<RecordingProxy.Head> heads = proxy.heads();
      assertEquals(2, heads.size(), "no 407 round trip: " + heads);
      for (RecordingProxy.Head head : heads) {
        assertEquals("Basic " + BASIC, head.headers().get("Proxy-Authorization"),
            head::toString);
      }
      assertEquals(List.of("CONNECT 127.0.0.1:" + tls.getPort(), "GET " + plain.url("/bytes/11")),
          heads.stream().map(h -> h.method() + " " + h.target()).sorted().toList());
      assertNull(tls.takeRequest().getHeaders().get("Proxy-Authorization"));
      assertNull(plain.takeRequest().getHeaders().get("Proxy-Authorization"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "jsonl", "csv"})
  void noCredentialReachesAnyOutputVerboseAndWorkersIncluded(String format) throws Exception {
    try (RecordingProxy proxy = RecordingProxy.requiring("alice", SECRET)) {
      Path trace = dir.resolve("trace-" + format + ".json");
      Path failed = dir.resolve("failed-" + format + ".txt");
      for (String mode : List.of("threads", "processes")) {
        for (String password : List.of(SECRET, SECRET + "-wrong")) {
          Cli.Result result = Cli.runWithEnv(Map.of("https_proxy", proxy.url("alice:"
              + password)), "-f", format, "-v", "-m", mode, "--trace", trace.toString(),
              "--save-failed", failed.toString(), "--cacert", caFile.toString(),
              list().toString());

          String everything = result.out() + result.err() + Files.readString(trace)
              + (Files.exists(failed) ? Files.readString(failed) : "");
          assertFalse(everything.contains(SECRET), result::toString);
          assertFalse(everything.contains(BASIC), result::toString);
          assertFalse(everything.contains(Base64.getEncoder().encodeToString(
              ("alice:" + password).getBytes(StandardCharsets.UTF_8))), result::toString);
          assertTrue(result.err().contains("***@127.0.0.1:" + proxy.port()), result::toString);
        }
      }
    }
  }

  @Test
  void noProxyHostsAndAnEmptyProxyGoDirect() throws IOException {
    String refused = "http://127.0.0.1:" + Ports.refused();
    Path list = ListFiles.write(dir, List.of(plain.url("/bytes/3").toString()));

    Cli.Result listed = Cli.runWithEnv(Map.of("http_proxy", refused, "no_proxy",
        "localhost, 127.0.0.0/8"), "-f", "jsonl", list.toString());
    Cli.Result withPort = Cli.runWithEnv(Map.of("http_proxy", refused),
        "--noproxy", "localhost:" + plain.getPort(), "-f", "jsonl", list.toString());
    Cli.Result none = Cli.runWithEnv(Map.of("http_proxy", refused), "--proxy", "",
        "-f", "jsonl", list.toString());
    Cli.Result httpoxy = Cli.runWithEnv(Map.of("HTTP_PROXY", refused), "-f", "jsonl",
        list.toString());
    Cli.Result proxied = Cli.runWithEnv(Map.of("http_proxy", refused), "-f", "jsonl",
        "--retries", "0", list.toString());

    for (Cli.Result direct : List.of(listed, withPort, none, httpoxy)) {
      assertEquals(0, direct.exitCode(), direct::toString);
    }
    assertEquals(1, proxied.exitCode(), proxied::toString);
    assertEquals("connect", JsonLines.results(proxied).get(0).get("error_kind").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--proxy=socks5://alice:s3cret@127.0.0.1:1080",
      "--proxy=https://127.0.0.1:3128", "--proxy=http://alice:s3cret@127.0.0.1:99999",
      "--noproxy=10.0.0.0/33", "env:https_proxy=socks5h://alice:s3cret@127.0.0.1",
      "env:no_proxy=a.test:0", "env:all_proxy=http://p .test"})
  void aBadProxyValueIsAUsageErrorNamingItsSourceBeforeAnyRequest(String arg) {
    Path list = ListFiles.write(dir, List.of(plain.url("/a").toString()));
    Cli.Result result;
    String source;
    if (arg.startsWith("env:")) {
      String[] pair = arg.substring(4).split("=", 2);
      source = pair[0];
      result = Cli.runWithEnv(Map.of(pair[0], pair[1]), list.toString());
    } else {
      source = arg.substring(0, arg.indexOf('='));
      result = Cli.run(arg, list.toString());
    }

    assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("fetch: " + source + ": "), result::toString);
    assertFalse(result.err().contains(SECRET), result::toString);
    assertEquals(0, plain.getRequestCount());
  }
}
