package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.server.SiteServer;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Certificates;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.ListSite;
import dev.fetch.testing.Modes;
import dev.fetch.testing.Ports;
import dev.fetch.testing.RecordingProxy;
import dev.fetch.testing.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Protocol;
import okhttp3.tls.HeldCertificate;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract that every option behaves the same in every mode, {@code processes} included: each
 * option is run in each mode against the same site, and the results (status, bytes, error kind,
 * attempts per URL, exit code, files saved, requests the server saw) must be what the option
 * means — the same expectation for every mode, so a setting that does not reach one mode (or its
 * worker JVMs) fails here.
 */
class OptionContractTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();
  @StartStop private final MockWebServer other = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
    other.setDispatcher(new TestSite());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void maxSizeFailsTheLargerBodyOnly(Mode mode) throws IOException {
    Cli.Result result = run(mode, list("/bytes/100", "/bytes/10"), "--max-size", "50");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(Map.of(0, "200 0 too_large 1", 1, "200 10 - 1"), outcomes(result));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void userAgentIsSentWithEveryRequest(Mode mode) throws Exception {
    Cli.Result result = run(mode, list("/a", "/b"), "-A", "contract-agent/1");

    assertEquals(0, result.exitCode(), result::toString);
    for (int i = 0; i < 2; i++) {
      RecordedRequest request = server.takeRequest();
      assertEquals("contract-agent/1", request.getHeaders().get("User-Agent"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retriesAreCountedTheSameWay(Mode mode) throws IOException {
    Cli.Result result = run(mode, list("/flaky/" + mode + "?fails=1&status=503", "/status/404"),
        "--retries", "1");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(Map.of(0, "200 100 - 2", 1, "404 10 http 1"), outcomes(result));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void noRetriesMeansOneAttempt(Mode mode) throws IOException {
    Cli.Result result = run(mode, list("/flaky/" + mode + "?fails=1&status=503"),
        "--retries", "0");

    assertEquals(Map.of(0, "503 10 http 1"), outcomes(result));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void timeoutEndsAStalledBody(Mode mode) throws IOException {
    // Long enough for a cold worker JVM's first request, which the timeout also covers.
    Cli.Result result = run(mode, list("/stall", "/bytes/5"), "--timeout", "1500ms",
        "--retries", "0");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals("timeout", outcomes(result).get(0).split(" ")[2], result::toString);
    assertEquals("200 5 - 1", outcomes(result).get(1));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void outputDirSavesTheSameFilesUnderTheSameNames(Mode mode) throws IOException {
    Path out = dir.resolve("out-" + mode);
    Cli.Result result = run(mode, list("/bytes/7", "/pages/a.html", "/pages/a.html?x=1"),
        "-o", out.toString());

    assertEquals(0, result.exitCode(), result::toString);
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> saved = Files.list(out)) {
      for (Path file : saved.collect(Collectors.toList())) {
        files.put(file.getFileName().toString(), Files.size(file));
      }
    }
    assertEquals(3, files.size(), files::toString);
    assertTrue(files.containsKey("7"), files::toString);
    assertEquals(7L, files.get("7"));
    assertEquals(List.of(13L, 13L), files.entrySet().stream()
        .filter(e -> e.getKey().startsWith("a")).map(Map.Entry::getValue)
        .collect(Collectors.toList()), files::toString);
  }

  /**
   * Names are chosen by input index, {@code out=} names included, so the same list gives the same
   * index → path mapping (and each file holds its own URL's body) in every mode, in either
   * {@code --order}; a URL that finishes last ({@code /trickle}) still gets its
   * name by index.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void namesFollowTheInputIndexInEveryModeAndOrder(Mode mode) throws IOException {
    Path list = list("/a/page.html", "/b/page.html", at("/c/page.html") + " out=page-2.html",
        "/d/page.html", at("/trickle/300") + "\tout=slow.bin  # last to finish",
        at("/e/x") + " out=sub/dir/x.bin", at("/f/page.html") + " out=page.html",
        "/g/page.html");
    Map<Integer, String> expected = new TreeMap<>(Map.of(0, "page.html", 1, "page-1.html",
        2, "page-2.html", 3, "page-3.html", 4, "slow.bin", 5, "sub/dir/x.bin",
        7, "page-4.html"));
    int run = 0;
    for (String order : List.of("completion", "input")) {
      Path out = dir.resolve("names-" + mode + "-" + run++);
      Cli.Result result = run(mode, list, "-o", out.toString(), "--order", order);

      assertEquals(1, result.exitCode(), result::toString);
      Map<Integer, String> paths = new TreeMap<>();
      for (JsonNode node : results(result)) {
        if (!node.get("path").isNull()) {
          paths.put(node.get("index").asInt(), node.get("path").asText());
        }
      }
      assertEquals(expected, paths, result::toString);
      JsonNode taken = results(result).stream().filter(n -> n.get("index").asInt() == 6)
          .findFirst().orElseThrow();
      assertEquals("invalid_url", taken.get("error_kind").asText());
      assertEquals(list + ":7: out=page.html is already taken by " + list + ":1",
          taken.get("error").asText());
      for (String letter : List.of("a", "b", "c", "d", "g")) {
        int index = "abcd...g".indexOf(letter);
        assertEquals("/" + letter + "/page.html", Files.readString(out.resolve(
            expected.get(index))), "the file of index " + index + " holds its own body");
      }
      assertEquals(300, Files.size(out.resolve("slow.bin")));
      assertEquals("/e/x", Files.readString(out.resolve("sub/dir/x.bin")));
    }
  }

  /** {@code --create-dirs} lays out HOST_PORT/PATH the same way in every mode. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void createDirsLaysOutHostAndPath(Mode mode) throws IOException {
    Path out = dir.resolve("dirs-" + mode);
    Cli.Result result = run(mode, list("/a/b/c.txt", "/a/b/", "/q.php?id=1", "/a/b",
        at("/x") + " out=flat.txt"), "-o", out.toString(), "--create-dirs");

    assertEquals(0, result.exitCode(), result::toString);
    HttpUrl root = server.url("/");
    String host = root.host() + "_" + root.port();
    Map<String, String> expected = Map.of(host + "/a/b/c.txt", "/a/b/c.txt",
        host + "/a/b/index.html", "/a/b/", host + "/q.php?id=1", "/q.php",
        host + "/a/b-1", "/a/b", "flat.txt", "/x");
    Map<String, String> saved = new TreeMap<>();
    for (JsonNode node : results(result)) {
      String path = node.get("path").asText();
      saved.put(path, Files.readString(out.resolve(path)));
    }
    assertEquals(new TreeMap<>(expected), saved, result::toString);
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(5, files.filter(Files::isRegularFile).count(), "no other file, no temp file");
    }
  }

  /**
   * {@code --no-clobber} keeps a file that exists, untouched, and makes no request for it: the
   * result is skipped with the file's size, in every mode; text says so.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void noClobberKeepsExistingFilesWithoutARequest(Mode mode) throws Exception {
    Path out = dir.resolve("keep-" + mode);
    Files.createDirectories(out.resolve("sub"));
    Files.writeString(out.resolve("keep.txt"), "old");
    Files.writeString(out.resolve("sub/kept.bin"), "older");
    Path urls = list("/x/keep.txt", "/bytes/4", at("/y") + " out=sub/kept.bin");

    Cli.Result result = run(mode, urls, "-o", out.toString(), "--no-clobber");

    assertEquals(0, result.exitCode(), result::toString);
    Map<Integer, String> kept = new TreeMap<>();
    results(result).forEach(n -> kept.put(n.get("index").asInt(), n.get("outcome").asText()
        + " " + n.get("path").asText() + " " + n.get("file_bytes").asLong() + " "
        + n.get("attempts").asInt() + " " + n.get("status").asText("-")));
    assertEquals(Map.of(0, "skipped keep.txt 3 0 -", 1, "downloaded 4 4 1 200",
        2, "skipped sub/kept.bin 5 0 -"), kept, result::toString);
    JsonNode summary = JsonLines.summary(result);
    assertEquals(2, summary.get("skipped").asInt(), summary::toString);
    assertEquals(1, summary.get("downloaded").asInt(), summary::toString);
    assertEquals("old", Files.readString(out.resolve("keep.txt")));
    assertEquals("older", Files.readString(out.resolve("sub/kept.bin")));
    assertEquals(1, server.getRequestCount(), "only /bytes/4 was asked for");
    assertEquals("/bytes/4", server.takeRequest().getUrl().encodedPath());

    Cli.Result text = Cli.run("-m", mode.toString(), "-w", "2", "-o", out.toString(),
        "--no-clobber", urls.toString());
    assertEquals(0, text.exitCode(), text::toString);
    assertTrue(text.out().contains("Skipped " + server.url("/x/keep.txt") + " -> "),
        text::toString);
    assertTrue(text.out().contains("3 skipped"), text::toString);
    assertEquals(1, server.getRequestCount(), "the second run asks for nothing: all three kept");
  }

  /**
   * Digests from {@code --checksum-file} (matched to the saved name) and from {@code sha256=} on
   * a list line reach every mode, worker JVMs included: a body that matches is saved, one that
   * does not fails with kind {@code checksum}, once (not retried), and leaves no file; without
   * {@code -o} a line's digest still holds.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void checksumsFromTheFileAndTheLineHoldInEveryMode(Mode mode) throws Exception {
    Path out = dir.resolve("sums-" + mode);
    Path sums = dir.resolve("SUMS-" + mode);
    Files.writeString(sums, sha256("abcde") + "  5\n" + "00".repeat(32) + " *./7\n");
    Path urls = list("/bytes/5", "/bytes/7", at("/bytes/3") + " sha256=" + "11".repeat(32),
        at("/bytes/4") + " sha256=" + sha256("abcd"));

    Cli.Result result = run(mode, urls, "-o", out.toString(), "--checksum-file",
        sums.toString(), "--retries", "2");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(Map.of(0, "- 1 5", 1, "checksum 1 null", 2, "checksum 1 null", 3, "- 1 4"),
        checks(result), result::toString);
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(List.of("4", "5"), files.filter(Files::isRegularFile)
          .map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".fetch-etags"))
          .sorted().collect(Collectors.toList()), "no file, partial or temporary, for 3 or 7");
    }

    Cli.Result discarded = run(mode, list(at("/bytes/3") + " sha256=" + "11".repeat(32),
        at("/bytes/4") + " sha256=" + sha256("abcd")));
    assertEquals(Map.of(0, "checksum 1 null", 1, "- 1 null"), checks(discarded),
        discarded::toString);
  }

  private static String sha256(String text) throws Exception {
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte b : digest) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  /** Each URL's index → "error_kind attempts path". */
  private static Map<Integer, String> checks(Cli.Result result) {
    Map<Integer, String> checks = new TreeMap<>();
    results(result).forEach(n -> checks.put(n.get("index").asInt(),
        (n.get("error_kind").isNull() ? "-" : n.get("error_kind").asText()) + " "
            + n.get("attempts").asInt() + " " + n.get("path").asText("null")));
    return checks;
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void inputOrderIsKeptWhateverFinishesFirst(Mode mode) throws IOException {
    Cli.Result result = run(mode, list("/trickle/300", "/bytes/1", "/bytes/2", "/bytes/3"),
        "--order", "input", "-w", "4");

    List<Integer> printed = new ArrayList<>();
    for (JsonNode node : results(result)) {
      printed.add(node.get("index").asInt());
    }
    assertEquals(List.of(0, 1, 2, 3), printed, result::toString);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void perHostKeepsEveryResult(Mode mode) throws IOException {
    Cli.Result result = run(mode, list("/bytes/1", "/bytes/2", "/bytes/3", "/bytes/4"),
        "--per-host", "1", "-w", "4");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(Map.of(0, "200 1 - 1", 1, "200 2 - 1", 2, "200 3 - 1", 3, "200 4 - 1"),
        outcomes(result));
  }

  /**
   * JVM network properties (here {@code jdk.net.hosts.file}, which the test JVM runs with and
   * which alone knows {@code fetch-contract.test}) reach the worker JVMs of {@code processes}.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void jvmNetworkPropertiesReachEveryMode(Mode mode) throws IOException {
    String url = "http://fetch-contract.test:" + server.getPort() + "/bytes/3";
    Cli.Result result = run(mode, ListFiles.write(dir, List.of(url)));

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(Map.of(0, "200 3 - 1"), outcomes(result));
  }

  /**
   * {@code --proxy} with credentials: every request of every mode goes through the proxy, which
   * sees the credentials on each one up front (no 407 round trip); no output shows them.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void aProxyWithCredentialsIsUsedByEveryMode(Mode mode) throws IOException {
    try (RecordingProxy proxy = RecordingProxy.requiring("alice", "s3cret")) {
      Cli.Result result = run(mode, list("/bytes/1", "/bytes/2"), "-v", "--proxy",
          proxy.url("alice:s3cret"));

      assertEquals(0, result.exitCode(), result::toString);
      assertEquals(Map.of(0, "200 1 - 1", 1, "200 2 - 1"), outcomes(result));
      assertEquals(2, proxy.heads().size(), proxy.heads()::toString);
      for (RecordingProxy.Head head : proxy.heads()) {
        assertTrue(head.headers().get("Proxy-Authorization").startsWith("Basic "));
      }
      assertFalse(result.toString().contains("s3cret"), result::toString);
    }
  }

  /**
   * {@code http_proxy} from the environment reaches every mode (here a proxy that refuses every
   * connection), and so does {@code --noproxy}, which takes the same URLs around it.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void theProxyEnvironmentAndNoproxyReachEveryMode(Mode mode) {
    Map<String, String> env = Map.of("http_proxy", "http://127.0.0.1:" + Ports.refused());

    Cli.Result proxied = run(mode, env, list("/bytes/1"), "--retries", "0");
    Cli.Result direct = run(mode, env, list("/bytes/1"), "--retries", "0",
        "--noproxy", "localhost");

    assertEquals(Map.of(0, "0 0 connect 1"), outcomes(proxied), proxied::toString);
    assertEquals(Map.of(0, "200 1 - 1"), outcomes(direct), direct::toString);
  }

  /**
   * {@code --cacert} (the parent reads it; workers get its certificates), {@code --http1.1} and
   * the {@code tls} kind are the same in every mode, against an HTTP/2 server with a private CA.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void cacertHttpVersionsAndTlsRefusalsAreTheSameInEveryMode(Mode mode) throws IOException {
    HeldCertificate authority = Certificates.authority();
    try (MockWebServer tls = new MockWebServer()) {
      tls.setDispatcher(new TestSite());
      Certificates.serve(tls, Certificates.issued(authority));
      tls.start();
      Path urls = ListFiles.write(dir, List.of("https://127.0.0.1:" + tls.getPort()
          + "/bytes/4"));
      String ca = Certificates.pem(dir, authority).toString();

      Cli.Result trusted = run(mode, urls, "--cacert", ca);
      Cli.Result http11 = run(mode, urls, "--cacert", ca, "--http1.1");
      Cli.Result untrusted = run(mode, urls, "--retries", "1");
      Cli.Result insecure = run(mode, urls, "-k");

      assertEquals(Map.of(0, "200 4 - 1 h2"), outcomesWithProtocol(trusted), trusted::toString);
      assertEquals(Map.of(0, "200 4 - 1 http/1.1"), outcomesWithProtocol(http11));
      assertEquals(Map.of(0, "0 0 tls 1 null"), outcomesWithProtocol(untrusted));
      assertEquals("TLS: unknown certificate authority (issuer CN=fetch test CA)",
          results(untrusted).get(0).get("error").asText());
      assertEquals(Map.of(0, "200 4 - 1 h2"), outcomesWithProtocol(insecure));
    }
  }

  /** {@code --http2} on plain http:// is HTTP/2 with prior knowledge in every mode. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void http2PriorKnowledgeReachesEveryMode(Mode mode) throws IOException {
    try (MockWebServer h2c = new MockWebServer()) {
      h2c.setDispatcher(new TestSite());
      h2c.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
      h2c.start();

      Cli.Result result = run(mode, ListFiles.onServer(dir, h2c, "/bytes/3", "/bytes/5"),
          "--http2");

      assertEquals(Map.of(0, "200 3 - 1 h2", 1, "200 5 - 1 h2"), outcomesWithProtocol(result),
          result::toString);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void headersAreAddedRemovedAndSentEmpty(Mode mode) throws Exception {
    Cli.Result result = run(mode, list("/a", "/b"), "-H", "X-Contract: 1", "-H",
        "Accept-Encoding:", "-H", "X-Empty;", "-A", "agent", "-H", "User-Agent: header");

    assertEquals(0, result.exitCode(), result::toString);
    for (int i = 0; i < 2; i++) {
      Headers headers = server.takeRequest().getHeaders();
      assertEquals("1", headers.get("X-Contract"));
      assertNull(headers.get("Accept-Encoding"), headers.toString());
      assertEquals("", headers.get("X-Empty"));
      assertEquals(List.of("header"), headers.values("User-Agent"));
    }
  }

  /** netrc credentials reach every mode, and none follows a redirect to another host. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void netrcCredentialsGoToTheirHostOnly(Mode mode) throws Exception {
    Path netrc = dir.resolve("netrc");
    Files.writeString(netrc, "machine " + server.getHostName() + " login alice password s3cret\n"
        + "machine 127.0.0.1 login mallory password s3cret-too\n");
    HttpUrl away = other.url("/bytes/3").newBuilder().host("127.0.0.1").build();

    Cli.Result result = run(mode, list("/redirect-to?url=" + away, "/bytes/2"), "--netrc-file",
        netrc.toString());

    assertEquals(Map.of(0, "200 3 - 1", 1, "200 2 - 1"), outcomes(result), result::toString);
    String alice = Credentials.basic("alice", "s3cret", StandardCharsets.UTF_8);
    assertEquals(alice, server.takeRequest().getHeaders().get("Authorization"));
    assertEquals(alice, server.takeRequest().getHeaders().get("Authorization"));
    assertNull(other.takeRequest().getHeaders().get("Authorization"));
  }

  /**
   * Cookies from {@code -b FILE} are sent, a cookie one URL's response sets is sent with the URLs
   * started after it (here one worker, so every later one), and {@code -c} holds both at the end.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void cookiesRoundTripIntoTheJar(Mode mode) throws Exception {
    Path loaded = dir.resolve("cookies.txt");
    Files.writeString(loaded, "# Netscape HTTP Cookie File\n\n#HttpOnly_" + server.getHostName()
        + "\tFALSE\t/\tFALSE\t0\tloaded\t1\n");
    Path jar = dir.resolve("jar-" + mode + ".txt");

    Cli.Result result = run(mode, list("/set-cookie/m=" + mode, "/after"), "-w", "1", "-b",
        loaded.toString(), "-c", jar.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("loaded=1", server.takeRequest().getHeaders().get("Cookie"));
    assertEquals("loaded=1; m=" + mode, server.takeRequest().getHeaders().get("Cookie"));
    assertEquals(List.of("#HttpOnly_" + server.getHostName() + "\tFALSE\t/\tFALSE\t0\tloaded\t1",
        server.getHostName() + "\tFALSE\t/\tFALSE\t0\tm\t" + mode),
        Files.readAllLines(jar).stream().filter(l -> l.contains("\t")).collect(
            Collectors.toList()));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void maxRedirectsCountsTheSameWay(Mode mode) throws IOException {
    Cli.Result result = run(mode, list("/redirect/1", "/redirect/2"), "--max-redirects", "1");

    assertEquals(Map.of(0, "200 10 - 1", 1, "302 0 http 1"), outcomes(result), result::toString);
    assertTrue(results(result).stream().anyMatch(n -> n.get("error").asText()
        .contains("too many redirects (1)")), result::toString);
  }

  /**
   * The rate limit reaches every downloader of the run; worker processes each take their share.
   * (Its effect on time is measured in docs/benchmarks.md; the waits are tested on fake time.)
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void limitRateReachesEveryDownloader(Mode mode) throws IOException {
    Cli.Result result = run(mode, list("/bytes/20000", "/bytes/10"), "-v", "--limit-rate", "1M");

    assertEquals(Map.of(0, "200 20000 - 1", 1, "200 10 - 1"), outcomes(result), result::toString);
    long share = mode == Mode.PROCESSES ? 1 << 19 : 1 << 20;
    assertTrue(result.err().contains("--limit-rate: these downloads share " + share
        + " bytes/s"), result::toString);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void verboseShowsHeadsWithCredentialsRedacted(Mode mode) throws IOException {
    String url = server.url("/bytes/3").newBuilder().username("alice").password("s3cret")
        .build().toString();

    Cli.Result result = run(mode, ListFiles.write(dir, List.of(url)), "-v", "-b", "k=s3cret");

    assertEquals(0, result.exitCode(), result::toString);
    for (String line : List.of("> GET /bytes/3 HTTP/1.1", "> Authorization: [redacted]",
        "> Cookie: [redacted]", "< HTTP/1.1 200 OK", "< Content-Length: 3")) {
      assertTrue(result.err().contains(line), line + " in " + result);
    }
    assertFalse(result.err().contains("s3cret"), result::toString);
  }

  /** The request options reach compare's runs too. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void compareSendsTheRequestOptions(Mode mode) throws Exception {
    Modes.assumeAvailable(mode);
    Path netrc = dir.resolve("netrc");
    Files.writeString(netrc, "default login bob password pw\n");
    Cli.Result result = Cli.run("compare", "--modes", mode.toString(), "-w", "2", "--runs", "1",
        "--warmup", "0", "-q", "-H", "X-Compare: 1", "-b", "c=1", "--netrc-file",
        netrc.toString(), "--max-redirects", "0", "--limit-rate", "10M",
        list("/bytes/10").toString());

    assertEquals(0, result.exitCode(), result::toString);
    Headers headers = server.takeRequest().getHeaders();
    assertEquals("1", headers.get("X-Compare"));
    assertEquals("c=1", headers.get("Cookie"));
    assertEquals(Credentials.basic("bob", "pw", StandardCharsets.UTF_8),
        headers.get("Authorization"));
  }

  /** compare downloads with the very settings a plain run would: it once dropped --max-size. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void compareRunsWithTheSameSettings(Mode mode) throws Exception {
    Modes.assumeAvailable(mode);
    Cli.Result result = Cli.run("compare", "--modes", mode.toString(), "-w", "2", "--runs", "1",
        "--warmup", "0", "-q", "--max-size", "50", "-A", "contract-agent/2",
        list("/bytes/100", "/bytes/10").toString());

    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.out().contains("1 of 1 runs had failed URLs"), result::toString);
    RecordedRequest request = server.takeRequest();
    assertEquals("contract-agent/2", request.getHeaders().get("User-Agent"));
  }

  /** compare takes the same proxy and trust options: its runs go through the proxy. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void compareUsesTheSameProxy(Mode mode) throws Exception {
    Modes.assumeAvailable(mode);
    try (RecordingProxy proxy = RecordingProxy.requiring("alice", "s3cret")) {
      Cli.Result result = Cli.run("compare", "--modes", mode.toString(), "-w", "2", "--runs",
          "1", "--warmup", "0", "-q", "--proxy", proxy.url("alice:s3cret"), "--http1.1",
          list("/bytes/10", "/bytes/20").toString());

      assertEquals(0, result.exitCode(), result::toString);
      assertEquals(2, proxy.heads().size(), result::toString);
      assertFalse(result.toString().contains("s3cret"), result::toString);
    }
  }

  /**
   * URL arguments, a list file and a list at a URL ({@code -i}) are one list in every mode: the
   * same indexes, in command-line order, and the same results; the list is downloaded first.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyInputFormIsOneListInEveryMode(Mode mode) throws Exception {
    Modes.assumeAvailable(mode);
    server.setDispatcher(new ListSite().put("/lists/remote.txt",
        server.url("/bytes/4") + "\n# comment\n" + server.url("/bytes/5") + "\n"));
    Path file = list("/bytes/3", "nonsense", "/status/404");

    Cli.Result result = Cli.run("-m", mode.toString(), "-w", "2", "-f", "jsonl", "--retries",
        "0", server.url("/bytes/1").toString(), "-i", server.url("/lists/remote.txt").toString(),
        file.toString(), server.url("/bytes/2").toString());

    assertEquals(1, result.exitCode(), result::toString);
    Map<Integer, String> urls = new TreeMap<>();
    results(result).forEach(n -> urls.put(n.get("index").asInt(),
        n.get("url").asText().replace(server.url("/").toString(), "/")));
    assertEquals(Map.of(0, "/bytes/1", 1, "/bytes/4", 2, "/bytes/5", 3, "/bytes/3",
        4, "nonsense", 5, "/status/404", 6, "/bytes/2"), urls, result::toString);
    assertEquals(Map.of(0, "200 1 - 1", 1, "200 4 - 1", 2, "200 5 - 1", 3, "200 3 - 1",
        4, "0 0 invalid_url 0", 5, "404 10 http 1", 6, "200 2 - 1"), outcomes(result));
    assertEquals(List.of(file + ":2: not an absolute URL (expected http:// or https://)"),
        result.err().lines().filter(line -> !line.endsWith("is ignored in sequential mode"))
            .collect(Collectors.toList()), "the line is named in its own file");
    assertEquals("/lists/remote.txt", server.takeRequest().getUrl().encodedPath());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void continueResumesACutBodyAndThenFindsItComplete(Mode mode) throws IOException {
    Modes.assumeAvailable(mode);
    Path out = dir.resolve("out-" + mode);
    try (SiteServer site = SiteServer.start("127.0.0.1", 0)) {
      String url = site.baseUrl() + "/bytes/200000";
      Cli.Result cut = run(mode, ListFiles.write(dir, List.of(url + "?cut=150000")),
          "--continue", "--retries", "0", "-o", out.toString());
      assertEquals(1, cut.exitCode(), cut::toString);
      assertFalse(Files.exists(out.resolve("200000")), "nothing under the final name");
      assertEquals(150000, Files.size(out.resolve(".200000.fetch-part")), "the partial is kept");

      Path list = ListFiles.write(dir, List.of(url));
      Cli.Result resumed = run(mode, list, "--continue", "-o", out.toString());
      assertEquals(0, resumed.exitCode(), resumed::toString);
      JsonNode result = results(resumed).get(0);
      assertEquals("206 50000 200000 downloaded 200000", result.get("status").asInt() + " "
          + result.get("bytes").asLong() + " " + result.get("file_bytes").asLong() + " "
          + result.get("outcome").asText() + " " + result.get("path").asText());
      assertEquals(pattern(200000), Files.readString(out.resolve("200000")));
      assertFalse(Files.exists(out.resolve(".200000.fetch-part")));

      Cli.Result again = run(mode, list, "--continue", "-o", out.toString());
      JsonNode complete = results(again).get(0);
      assertEquals("416 0 200000 not_modified", complete.get("status").asInt() + " "
          + complete.get("bytes").asLong() + " " + complete.get("file_bytes").asLong() + " "
          + complete.get("outcome").asText(), again::toString);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void timestampingSendsTheRecordedEtagAndKeepsAnUnchangedFile(Mode mode) throws IOException {
    Modes.assumeAvailable(mode);
    Path out = dir.resolve("out-" + mode);
    try (SiteServer site = SiteServer.start("127.0.0.1", 0)) {
      String url = site.baseUrl() + "/bytes/1000";
      Cli.Result first = run(mode, ListFiles.write(dir, List.of(url)), "-N", "-o",
          out.toString());
      assertEquals(0, first.exitCode(), first::toString);
      Path file = out.resolve("1000");
      assertEquals(Instant.parse("2026-01-01T00:00:00Z"),
          Files.getLastModifiedTime(file).toInstant(), "the time is the Last-Modified");

      // An older time would fetch the file again by date: only the ETag can keep it now.
      Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
      Cli.Result second = run(mode, ListFiles.write(dir, List.of(url)), "-N", "-o",
          out.toString());
      assertEquals(0, second.exitCode(), second::toString);
      JsonNode kept = results(second).get(0);
      assertEquals("304 0 1000 not_modified", kept.get("status").asInt() + " "
          + kept.get("bytes").asLong() + " " + kept.get("file_bytes").asLong() + " "
          + kept.get("outcome").asText());

      Cli.Result changed = run(mode, ListFiles.write(dir, List.of(url + "?v=1")), "-N", "-o",
          out.toString());
      JsonNode replaced = results(changed).get(0);
      assertEquals("200 1000 downloaded", replaced.get("status").asInt() + " "
          + replaced.get("bytes").asLong() + " " + replaced.get("outcome").asText());
      assertEquals(pattern(1001).substring(1), Files.readString(file), "version 1 is shifted");
      assertEquals(Instant.parse("2026-01-01T01:00:00Z"),
          Files.getLastModifiedTime(file).toInstant());
    }
  }

  /** The test site's body of {@code size} bytes: the alphabet repeated. */
  private static String pattern(int size) {
    StringBuilder body = new StringBuilder(size);
    for (int i = 0; i < size; i++) {
      body.append((char) ('a' + i % 26));
    }
    return body.toString();
  }

  /**
   * {@code --shard} reads only its part of the list in every mode (the parent deals, workers never
   * see the others), indexes stay the positions in the whole list, an invalid line belongs to its
   * shard, and the shards of a list between them report every line once.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void shardsReportEveryIndexOnceWithGlobalIndexes(Mode mode) throws IOException {
    Path list = list("/bytes/1", "/bytes/2", "/bytes/3", "/status/404", "/bytes/5");
    List<String> lines = new ArrayList<>(Files.readAllLines(list));
    lines.add(2, "not a url");
    Files.write(list, lines);

    Map<Integer, String> all = new TreeMap<>();
    for (int k = 1; k <= 3; k++) {
      Cli.Result result = run(mode, list, "--shard", k + "/3", "--shard-by", "index");
      Map<Integer, String> shard = outcomes(result);
      for (int index : shard.keySet()) {
        assertEquals(k - 1, index % 3, "shard " + k + " has index " + index + ": " + result);
      }
      assertEquals(shard.containsValue("404 10 http 1") || shard.containsValue(
          "0 0 invalid_url 0") ? 1 : 0, result.exitCode(), result::toString);
      all.putAll(shard);
    }
    assertEquals(Map.of(0, "200 1 - 1", 1, "200 2 - 1", 2, "0 0 invalid_url 0",
        3, "200 3 - 1", 4, "404 10 http 1", 5, "200 5 - 1"), all);
  }

  /**
   * {@code --results} journals the very lines {@code -f jsonl} prints; fed back to
   * {@code --skip-done}, the URLs done are skipped without a request (only the failed one is asked
   * for again), counted as skipped, and not listed by {@code --save-failed}; the journal is
   * appended to.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void resultsAndSkipDoneResumeARunTheSameWay(Mode mode) throws IOException {
    Path journal = dir.resolve("run-" + mode + ".jsonl");
    Path failed = dir.resolve("failed-" + mode + ".txt");
    Path list = list("/bytes/1", "/bytes/2", "/status/404", "/bytes/3");
    Cli.Result first = run(mode, list, "--results", journal.toString());
    assertEquals(1, first.exitCode(), first::toString);
    assertEquals(first.out(), Files.readString(journal), "the -f jsonl lines, summary included");
    int before = server.getRequestCount();

    Cli.Result second = run(mode, list, "--skip-done", journal.toString(), "--results",
        journal.toString(), "--save-failed", failed.toString());

    assertEquals(1, second.exitCode(), second::toString);
    assertEquals(1, server.getRequestCount() - before, "only the failed URL is asked for");
    assertEquals(Map.of(0, "0 0 - 0", 1, "0 0 - 0", 2, "404 10 http 1", 3, "0 0 - 0"),
        outcomes(second));
    assertEquals(List.of("skipped", "skipped", "failed", "skipped"), results(second).stream()
        .sorted(Comparator.comparingInt(n -> n.get("index").asInt()))
        .map(n -> n.get("outcome").asText()).collect(Collectors.toList()));
    assertEquals(3, JsonLines.summary(second).get("skipped").asInt());
    assertEquals(List.of(server.url("/status/404").toString()), Files.readAllLines(failed));
    assertEquals(first.out() + second.out(), Files.readString(journal));
  }

  private Cli.Result run(Mode mode, Path list, String... options) {
    return run(mode, Map.of(), list, options);
  }

  private Cli.Result run(Mode mode, Map<String, String> env, Path list, String... options) {
    Modes.assumeAvailable(mode);
    List<String> args = new ArrayList<>(List.of("-m", mode.toString(), "-f", "jsonl"));
    if (!List.of(options).contains("-w")) {
      args.addAll(List.of("-w", "2"));
    }
    args.addAll(List.of(options));
    args.add(list.toString());
    return Cli.runWithEnv(env, args.toArray(new String[0]));
  }

  /** The URL of {@code path} on the server, for a list line with settings after it. */
  private String at(String path) {
    return server.url(path).toString();
  }

  private Path list(String... paths) {
    return ListFiles.onServer(dir, server, paths);
  }

  private static List<JsonNode> results(Cli.Result result) {
    return JsonLines.results(result);
  }

  /** {@link #outcomes} with each result's protocol. */
  private static Map<Integer, String> outcomesWithProtocol(Cli.Result result) {
    Map<Integer, String> outcomes = outcomes(result);
    results(result).forEach(n -> outcomes.computeIfPresent(n.get("index").asInt(),
        (index, outcome) -> outcome + " " + n.get("protocol").asText("null")));
    return outcomes;
  }

  /** Each URL's index → "status bytes error_kind attempts", what must not depend on the mode. */
  private static Map<Integer, String> outcomes(Cli.Result result) {
    Map<Integer, String> outcomes = new TreeMap<>();
    results(result).stream().sorted(Comparator.comparingInt(n -> n.get("index").asInt()))
        .forEach(n -> outcomes.put(n.get("index").asInt(), n.get("status").asText("0") + " "
            + n.get("bytes").asLong() + " "
            + (n.get("error_kind").isNull() ? "-" : n.get("error_kind").asText()) + " "
            + n.get("attempts").asInt()));
    return outcomes;
  }
}
