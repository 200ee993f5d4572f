package dev.fetch.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.Checksum;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.Validators;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.HttpVersion;
import dev.fetch.download.NetscapeCookie;
import dev.fetch.download.Netrc;
import dev.fetch.download.NetworkProperties;
import dev.fetch.download.Outcome;
import dev.fetch.download.ProxySettings;
import dev.fetch.download.RequestHeaders;
import dev.fetch.download.RequestSettings;
import dev.fetch.download.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireFormatTest {
  @Test
  void settingsTravelWholeEveryFieldIncluded() {
    DownloadSettings settings = DownloadSettings.builder().workers(7)
        .connectTimeout(Duration.ofMillis(1500)).timeout(Duration.ofSeconds(9))
        .userAgent("agent \"quoted\" ünïcode").perHost(3).maxSize(12345).retries(4)
        .outputDir(Path.of("/tmp/out dir"))
        .network(NetworkProperties.of(Map.of("http.proxyHost", "proxy.test",
            "http.proxyPort", "3128", "javax.net.ssl.trustStorePassword", "s3cret")))
        .proxy(new ProxySettings("http://alice:s3cret@proxy.test:3128", "",
            ".internal.test, 10.0.0.0/8"))
        .tls(new TlsSettings("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            true, true))
        .httpVersion(HttpVersion.HTTP_2)
        .build();

    String line = WireFormat.settings(settings);

    assertFalse(line.contains("\n"));
    assertEquals(settings, WireFormat.settings(WireFormat.parse(line)));
  }

  /** Request settings with every component set, secrets included. */
  static RequestSettings fullRequest() {
    return RequestSettings.defaults()
        .withHeaders(RequestHeaders.parse(List.of("Authorization: Bearer s3cret", "Accept:",
            "X-Empty;")))
        .withNetrc(Netrc.of(List.of(new Netrc.Entry("a.test", "alice", "pa ss\"word"),
            new Netrc.Entry(null, null, "only-password"))))
        .withCookies(List.of(new NetscapeCookie("a.test", true, "/x", true, true, 123, "n",
            "v w")), "k=v; k2=v2", true, Path.of("/tmp/jar.txt"))
        .withMaxRedirects(3)
        .withRateLimit(2 << 20);
  }

  @Test
  void requestSettingsTravelWhole() {
    DownloadSettings settings = DownloadSettings.builder().request(fullRequest()).build();

    String line = WireFormat.settings(settings);

    assertEquals(settings, WireFormat.settings(WireFormat.parse(line)));
    assertEquals(settings.request().headers().sent(),
        WireFormat.settings(WireFormat.parse(line)).request().headers().sent());
  }

  @Test
  void everyComponentOfTheRequestSettingsIsOnTheWire() {
    String line = WireFormat.settings(DownloadSettings.builder().request(fullRequest()).build());
    for (var component : RequestSettings.class.getRecordComponents()) {
      String snake = component.getName().replaceAll("([A-Z])", "_$1").toLowerCase();
      assertTrue(line.contains("\"request_" + snake), component.getName() + " missing from "
          + line);
    }
  }

  @Test
  void cookiesTravelWithTasksAndResults() {
    List<NetscapeCookie> cookies = List.of(
        new NetscapeCookie("a.test", false, "/", false, false, 0, "a", "1"),
        new NetscapeCookie("b.test", true, "/p", true, true, 99, "b", ""));
    DownloadRequest request = new DownloadRequest(1, HttpUrl.get("http://a.test/"));
    DownloadResult result = new DownloadResult.Success(1, "http://a.test/", 200, 3,
        Duration.ZERO, 1, null);

    assertEquals(cookies, WireFormat.task(WireFormat.parse(WireFormat.task(request, null,
        cookies))).cookies());
    assertEquals(cookies, WireFormat.cookies(WireFormat.parse(WireFormat.result(result,
        cookies))));
    assertEquals(List.of(), WireFormat.cookies(WireFormat.parse(WireFormat.result(result))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"request_headers:1\":\"s3cret\"", "\"request_headers:x\":\"A: 1\"",
      "\"request_headers:0\":\"s3cret no colon\"", "\"request_cookies:0\":\"s3cret\"",
      "\"request_netrc:1:password\":\"s3cret\",\"request_netrc:2:machine\":\"h\"",
      "\"request_max_redirects\":-1", "\"request_cookie_engine\":\"yes\""})
  void malformedRequestFieldsAreRejectedWithoutTheirValue(String field) {
    String line = WireFormat.settings(DownloadSettings.defaults(1)).replace("}", "," + field
        + "}").replace("\"request_max_redirects\":20,", field.contains("redirects") ? ""
        : "\"request_max_redirects\":20,").replace("\"request_cookie_engine\":false,",
        field.contains("engine") ? "" : "\"request_cookie_engine\":false,");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WireFormat.settings(WireFormat.parse(line)));
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void everyComponentOfTheSettingsRecordIsOnTheWire() {
    // A field added to DownloadSettings must be added to the wire format too (or workers lose
    // it): each component has a field, in snake_case; a record's plain-valued components each
    // have one, named component_subcomponent (lists travel as indexed fields, tested apart).
    String line = WireFormat.settings(DownloadSettings.defaults(1));
    for (var component : DownloadSettings.class.getRecordComponents()) {
      if (component.getName().equals("network")) {
        continue;
      }
      String snake = snake(component.getName());
      assertTrue(line.contains("\"" + snake) , component.getName() + " missing from " + line);
      if (component.getType().isRecord()) {
        for (var inner : component.getType().getRecordComponents()) {
          Class<?> type = inner.getType();
          if (!type.isPrimitive() && !type.isEnum() && type != String.class
              && type != Path.class) {
            continue;
          }
          String field = snake + "_" + snake(inner.getName());
          assertTrue(line.contains("\"" + field + "\":"), field + " missing from " + line);
        }
      }
    }
  }

  private static String snake(String name) {
    return name.replaceAll("([A-Z])", "_$1").toLowerCase();
  }

  @Test
  void settingsOfTheJvmsProxyAndDefaultTrustTravelAsNulls() {
    DownloadSettings settings = DownloadSettings.defaults(2);

    DownloadSettings back = WireFormat.settings(WireFormat.parse(WireFormat.settings(settings)));

    assertEquals(settings, back);
    assertTrue(back.proxy().isJvm());
    assertTrue(back.tls().isDefault());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"tls_insecure\":\"yes\"", "\"http_version\":\"HTTP_3\"",
      "\"proxy_no_proxy\":null"})
  void settingsWithAnAbsurdConnectionFieldAreAProtocolError(String field) {
    String name = field.substring(1, field.indexOf('"', 1));
    String line = WireFormat.settings(DownloadSettings.defaults(1))
        .replaceFirst("\"" + name + "\":(\"[^\"]*\"|[a-z]+)", field);
    assertTrue(line.contains(field), line);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WireFormat.settings(WireFormat.parse(line)));
    assertTrue(e.getMessage().contains(name), e.getMessage());
  }

  @Test
  void aRelativeOutputDirTravelsAbsolute() {
    DownloadSettings settings = DownloadSettings.builder().outputDir(Path.of("pages")).build();

    DownloadSettings received = WireFormat.settings(WireFormat.parse(
        WireFormat.settings(settings)));

    assertEquals(Path.of("pages").toAbsolutePath(), received.outputDir());
  }

  @Test
  void networkPropertyValuesNeverShowInToString() {
    NetworkProperties network = NetworkProperties.of(Map.of(
        "javax.net.ssl.keyStorePassword", "s3cret"));

    assertFalse(network.toString().contains("s3cret"), network.toString());
    assertFalse(DownloadSettings.builder().network(network).build().toString()
        .contains("s3cret"));
  }

  @Test
  void tasksKeepTheirCredentialsAndFile() {
    DownloadRequest request = new DownloadRequest(12,
        HttpUrl.get("http://alice:pw@a.test/x?y=1"));

    WireFormat.Task task = WireFormat.task(WireFormat.parse(WireFormat.task(request, "x.html")));

    assertEquals(request.withPath("x.html"), task.request());
    assertEquals("x.html", task.file());
  }

  @Test
  void resultsRoundTripSuccessAndFailure() {
    DownloadResult success = new DownloadResult.Success(3, "http://a.test/", 200, 99,
        Duration.ofNanos(123_456_789), 2, "ignored", "h2");
    DownloadResult failure = new DownloadResult.Failure(4, "http://a.test/b", 503, 10,
        Duration.ofMillis(5), 3, "ignored", ErrorKind.HTTP, "HTTP 503", Duration.ofSeconds(7),
        "http/1.1");
    DownloadResult noResponse = new DownloadResult.Failure(5, "http://a.test/c", null, 0,
        Duration.ZERO, 1, "ignored", ErrorKind.TIMEOUT, "timed out", null);
    DownloadResult resumed = new DownloadResult.Success(6, "http://a.test/d", 206, 10,
        Duration.ofMillis(3), 1, "ignored", "h2", Outcome.DOWNLOADED, "dir/d", 110);
    DownloadResult skipped = DownloadResult.Success.skipped(7, "http://a.test/e", "e", 5);

    for (DownloadResult result : new DownloadResult[] {success, failure, noResponse, resumed,
        skipped}) {
      DownloadResult back = WireFormat.result(WireFormat.parse(WireFormat.result(result)),
          "worker-2/pid-9");
      assertEquals(result.index(), back.index());
      assertEquals(result.url(), back.url());
      assertEquals(result.status(), back.status());
      assertEquals(result.bytes(), back.bytes());
      assertEquals(result.elapsed(), back.elapsed());
      assertEquals(result.attempts(), back.attempts());
      assertEquals("worker-2/pid-9", back.worker());
      assertEquals(result.protocol(), back.protocol());
      assertEquals(result.getClass(), back.getClass());
      assertEquals(result.path(), back.path());
      if (result instanceof DownloadResult.Success) {
        DownloadResult.Success sent = (DownloadResult.Success) result;
        DownloadResult.Success received = (DownloadResult.Success) back;
        assertEquals(sent.outcome(), received.outcome());
        assertEquals(sent.fileBytes(), received.fileBytes());
      }
    }
  }

  @Test
  void tasksCarryTheirChecksum() {
    DownloadRequest request = new DownloadRequest(2, HttpUrl.get("http://a.test/x"), "x",
        new Checksum(Checksum.Algorithm.SHA256, "AB".repeat(32)));

    WireFormat.Task task = WireFormat.task(WireFormat.parse(WireFormat.task(request, "x")));

    assertEquals(request, task.request());
    assertEquals("sha256:" + "ab".repeat(32), task.request().checksum().toString());
  }

  @Test
  void tasksCarryTheValidatorsRecordedForTheirFile() {
    DownloadRequest request = new DownloadRequest(2, HttpUrl.get("http://a.test/x"), "x", null,
        new Validators("W/\"a\\b\"", "Sun, 06 Nov 1994 08:49:37 GMT"));
    DownloadRequest without = new DownloadRequest(3, HttpUrl.get("http://a.test/y"), "y", null);

    assertEquals(request,
        WireFormat.task(WireFormat.parse(WireFormat.task(request, "x"))).request());
    assertEquals(without,
        WireFormat.task(WireFormat.parse(WireFormat.task(without, "y"))).request());
    assertFalse(WireFormat.task(without, "y").contains("etag"), "absent when not recorded");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[1,2]", "{\"no\":\"type\"}", "{\"type\":1}",
      "{\"type\":\"result\",\"nested\":{}}", "{\"type\":\"result\"} trailing",
      "{\"type\":\"result\",\"a\":1.5}"})
  void malformedLinesAreRejectedWithAReason(String line) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WireFormat.parse(line));
    assertFalse(e.getMessage().isEmpty());
  }

  @Test
  void settingsWithAMissingFieldAreRejected() {
    WireFormat.Message message = WireFormat.parse("{\"type\":\"settings\",\"workers\":1}");

    assertThrows(IllegalArgumentException.class, () -> WireFormat.settings(message));
  }

  @Test
  void aPropertyThatIsNotANetworkPropertyIsRejected() {
    String line = WireFormat.settings(DownloadSettings.defaults(1)).replace("}",
        ",\"property:java.class.path\":\"/evil\"}");

    assertThrows(IllegalArgumentException.class,
        () -> WireFormat.settings(WireFormat.parse(line)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"type\":\"download\",\"url\":\"http://alice:s3cret@a.test/\"",
      "s3cret", "{\"type\":\"settings\",\"user_agent\":\"s3cret\"} s3cret",
      "{\"type\":\"settings\",\"x\":[\"s3cret\"]}"})
  void anErrorNeverEchoesTheLineWhichMayHoldSecrets(String line) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WireFormat.parse(line));

    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void aPropertyValueThatIsNotAStringIsAProtocolErrorNotAClassCast() {
    String line = WireFormat.settings(DownloadSettings.defaults(1)).replace("}",
        ",\"property:http.proxyHost\":12}");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WireFormat.settings(WireFormat.parse(line)));
    assertTrue(e.getMessage().contains("property:http.proxyHost"), e.getMessage());
  }

  @Test
  void aRetryAfterTooLongForNanosecondsTravelsSaturated() {
    DownloadResult.Failure failure = new DownloadResult.Failure(4, "http://a.test/b", 503, 10,
        Duration.ofSeconds(Long.MAX_VALUE / 2), 1, null, ErrorKind.HTTP, "HTTP 503",
        Duration.ofSeconds(Long.MAX_VALUE / 2));

    DownloadResult.Failure back = (DownloadResult.Failure) WireFormat.result(
        WireFormat.parse(WireFormat.result(failure)), "worker-1/pid-9");

    assertEquals(Duration.ofNanos(Long.MAX_VALUE), back.retryAfter());
    assertEquals(Duration.ofNanos(Long.MAX_VALUE), back.elapsed());
    assertEquals(ErrorKind.HTTP, back.kind());
  }

  @Test
  void settingsWithTimeoutsTooLongForNanosecondsTravelSaturated() {
    DownloadSettings settings = DownloadSettings.builder()
        .timeout(Duration.ofSeconds(Long.MAX_VALUE / 2)).build();

    DownloadSettings back = WireFormat.settings(WireFormat.parse(WireFormat.settings(settings)));

    assertEquals(Duration.ofNanos(Long.MAX_VALUE), back.timeout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"index\":4294967296", "\"index\":-1", "\"bytes\":-5",
      "\"elapsed_ns\":-1", "\"attempts\":9999999999", "\"status\":70000",
      "\"retry_after_ns\":-1", "\"error_kind\":\"NOPE\"", "\"index\":\"3\"",
      "\"url\":7"})
  void aResultWithAnAbsurdFieldIsAProtocolError(String field) {
    String name = field.substring(1, field.indexOf('"', 1));
    String line = WireFormat.result(new DownloadResult.Failure(3, "http://a.test/", 503, 10,
        Duration.ofMillis(5), 1, null, ErrorKind.HTTP, "HTTP 503", Duration.ofSeconds(1)))
        .replaceFirst("\"" + name + "\":(\"[^\"]*\"|[-0-9]+)", field);
    assertTrue(line.contains(field), line);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WireFormat.result(WireFormat.parse(line), "worker-1/pid-9"));
    assertTrue(e.getMessage().contains(name), e.getMessage());
  }

  @Test
  void aTaskWithAnIndexBeyondAnIntIsAProtocolError() {
    String line = WireFormat.task(new DownloadRequest(1, HttpUrl.get("http://a.test/")), null)
        .replace("\"index\":1", "\"index\":4294967297");

    assertThrows(IllegalArgumentException.class, () -> WireFormat.task(WireFormat.parse(line)));
  }

  @Test
  void workerOutputIsShownWithoutControlCharacters() {
    assertEquals("a?[31mred? bell", WorkerProcess.printable("a\u001b[31mred\u0007 bell"));
  }
}
