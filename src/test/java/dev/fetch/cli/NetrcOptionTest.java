package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.Cli;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --netrc} and {@code --netrc-file} with files in curl's format, and the rule that no
 * credential follows a redirect to another origin.
 */
class NetrcOptionTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();
  @StartStop private final MockWebServer other = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
    other.setDispatcher(new TestSite());
  }

  /** {@code path} on {@code server} under another host name: 127.0.0.1 instead of localhost. */
  private static HttpUrl byAddress(MockWebServer server, String path) {
    return server.url(path).newBuilder().host("127.0.0.1").build();
  }

  private Path netrc(String text) throws IOException {
    Path file = dir.resolve("netrc-" + text.hashCode());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Cli.Result run(List<String> urls, String... options) {
    List<String> args = new ArrayList<>(List.of(options));
    args.add(ListFiles.write(dir, urls).toString());
    return Cli.run(args.toArray(new String[0]));
  }

  private static String basic(String user, String password) {
    return Credentials.basic(user, password, StandardCharsets.UTF_8);
  }

  @Test
  void aMachineEntryWithAQuotedPasswordIsSentToItsHost() throws Exception {
    Path file = netrc("machine " + server.getHostName() + "\n  login alice\n"
        + "  password \"pass word\\\"1\"\n\ndefault login anon password guest\n");

    Cli.Result result = run(List.of(server.url("/bytes/3").toString()), "--netrc-file",
        file.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(basic("alice", "pass word\"1"),
        server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void theDefaultEntryServesAHostWithoutOne() throws Exception {
    Path file = netrc("machine elsewhere.test login x password y\n"
        + "default login anon password guest@\n");

    Cli.Result result = run(List.of(byAddress(server, "/bytes/3").toString()), "--netrc-file",
        file.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(basic("anon", "guest@"), server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void credentialsInTheUrlWinAndAUserInTheUrlPicksItsEntry() throws Exception {
    Path file = netrc("machine " + server.getHostName() + " login alice password a1\n"
        + "machine " + server.getHostName() + " login bob password b2\n");
    HttpUrl url = server.url("/bytes/3");

    Cli.Result result = run(List.of(url.newBuilder().username("carol").password("c3").build()
        .toString(), url.newBuilder().username("bob").build().toString()), "--netrc-file",
        file.toString(), "-m", "sequential");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(basic("carol", "c3"), server.takeRequest().getHeaders().get("Authorization"));
    assertEquals(basic("bob", "b2"), server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void minusMinusNetrcReadsDotNetrcInHomeFromTheEnvironment() throws Exception {
    Path home = Files.createDirectory(dir.resolve("home"));
    Files.writeString(home.resolve(".netrc"), "default login me password mine\n");
    Path list = ListFiles.write(dir, List.of(server.url("/bytes/3").toString()));

    Cli.Result result = Cli.runWithEnv(Map.of("HOME", home.toString()), "--netrc",
        list.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(basic("me", "mine"), server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void minusMinusNetrcWithoutADotNetrcSendsNoCredentialsAsCurl() throws Exception {
    Path home = Files.createDirectory(dir.resolve("empty-home"));
    Path list = ListFiles.write(dir, List.of(server.url("/bytes/3").toString()));

    Cli.Result result = Cli.runWithEnv(Map.of("HOME", home.toString()), "--netrc",
        list.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertNull(server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void aRedirectToAnotherHostCarriesNoCredentialsAndOneBackToTheOriginDoes() throws Exception {
    Path file = netrc("machine " + server.getHostName() + " login alice password s3cret\n"
        + "machine 127.0.0.1 login mallory password s3cret-too\n");
    HttpUrl back = server.url("/bytes/4");
    HttpUrl away = byAddress(other, "/redirect-to").newBuilder()
        .addQueryParameter("url", back.toString()).build();
    HttpUrl start = server.url("/redirect-to").newBuilder()
        .addQueryParameter("url", away.toString()).build();

    Cli.Result result = run(List.of(start.toString()), "--netrc-file", file.toString(),
        "-H", "X-Kept: yes");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(basic("alice", "s3cret"), server.takeRequest().getHeaders().get("Authorization"));
    RecordedRequest elsewhere = other.takeRequest();
    assertNull(elsewhere.getHeaders().get("Authorization"), "not to another host: " + elsewhere);
    assertEquals("yes", elsewhere.getHeaders().get("X-Kept"), "other headers go on");
    assertEquals(basic("alice", "s3cret"), server.takeRequest().getHeaders().get("Authorization"),
        "back on the first origin");
  }

  @Test
  void aMalformedNetrcIsAUsageErrorNamingFileAndLineBeforeAnyRequest() throws IOException {
    Path file = netrc("machine a.test\n  login alice\n  pasword s3cret\n");

    Cli.Result result = run(List.of(server.url("/bytes/3").toString()), "--netrc-file",
        file.toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result::toString);
    assertEquals("fetch: --netrc-file: " + file + ":3: unexpected word (expected machine, "
        + "default, login, password, account or macdef)", result.err().lines().findFirst()
        .orElse(""));
    assertFalse(result.err().contains("s3cret"), result::toString);
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aMissingNetrcFileOrHomeIsAUsageError() {
    Cli.Result missing = run(List.of(server.url("/bytes/3").toString()), "--netrc-file",
        dir.resolve("none").toString());
    Cli.Result noHome = run(List.of(server.url("/bytes/3").toString()), "--netrc");

    assertEquals(ExitCodes.USAGE, missing.exitCode(), missing::toString);
    assertTrue(missing.err().startsWith("fetch: --netrc-file: no such file "), missing::toString);
    assertEquals(ExitCodes.USAGE, noHome.exitCode(), noHome::toString);
    assertTrue(noHome.err().startsWith("fetch: --netrc: HOME is not set"), noHome::toString);
    assertEquals(0, server.getRequestCount());
  }
}
