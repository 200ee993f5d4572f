package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.ProxySettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each scheme's proxy comes from: {@code --proxy}, then the environment, then the JVM. */
class ProxyEnvironmentTest {
  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void nothingSetLeavesItToTheJvm() {
    assertTrue(ProxyEnvironment.resolve(null, null, Map.of()).isJvm());
  }

  @Test
  void eachSchemeHasItsVariableAndAllProxyFillsTheGaps() {
    assertEquals(new ProxySettings("http://h:1", null, ""),
        ProxyEnvironment.resolve(null, null, env("http_proxy", "http://h:1")));
    assertEquals(new ProxySettings(null, "http://s:2", ""),
        ProxyEnvironment.resolve(null, null, env("https_proxy", "http://s:2")));
    assertEquals(new ProxySettings("http://h:1", "http://a:3", ""),
        ProxyEnvironment.resolve(null, null, env("http_proxy", "http://h:1",
            "all_proxy", "http://a:3")));
    assertEquals(new ProxySettings("http://a:3", "http://a:3", ""),
        ProxyEnvironment.resolve(null, null, env("ALL_PROXY", "http://a:3")));
  }

  @Test
  void lowerCaseWinsAndUpperCaseHttpProxyIsIgnoredAsCurlDoes() {
    assertEquals(new ProxySettings(null, "http://lower:1", ""),
        ProxyEnvironment.resolve(null, null, env("https_proxy", "http://lower:1",
            "HTTPS_PROXY", "http://upper:1")));
    assertEquals(new ProxySettings(null, "http://upper:1", ""),
        ProxyEnvironment.resolve(null, null, env("HTTPS_PROXY", "http://upper:1")));
    assertEquals(new ProxySettings("http://lower:3", "http://lower:3", ""),
        ProxyEnvironment.resolve(null, null, env("all_proxy", "http://lower:3",
            "ALL_PROXY", "http://upper:3")));
    // httpoxy: a CGI server sets HTTP_PROXY from a request's "Proxy:" header.
    assertTrue(ProxyEnvironment.resolve(null, null, env("HTTP_PROXY", "http://evil:1"))
        .isJvm());
  }

  @Test
  void anEmptyVariableIsUnset() {
    assertEquals(new ProxySettings("http://a:3", "http://a:3", ""),
        ProxyEnvironment.resolve(null, null, env("http_proxy", "", "https_proxy", "",
            "all_proxy", "http://a:3")));
    assertEquals(new ProxySettings(null, null, "upper.test"),
        ProxyEnvironment.resolve(null, null, env("no_proxy", "", "NO_PROXY", "upper.test")));
  }

  @Test
  void theOptionOverridesTheEnvironmentAndEmptyMeansNone() {
    Map<String, String> env = env("http_proxy", "http://h:1", "https_proxy", "http://s:2",
        "no_proxy", "env.test");
    assertEquals(new ProxySettings("http://o:9", "http://o:9", "env.test"),
        ProxyEnvironment.resolve("http://o:9", null, env));
    ProxySettings none = ProxyEnvironment.resolve("", null, env);
    assertEquals(new ProxySettings("", "", "env.test"), none);
    assertFalse(none.isJvm(), "--proxy '' also overrides the JVM's properties");
    assertEquals(new ProxySettings("http://h:1", "http://s:2", "opt.test"),
        ProxyEnvironment.resolve(null, "opt.test", env));
    assertEquals(new ProxySettings("http://h:1", "http://s:2", ""),
        ProxyEnvironment.resolve(null, "", env));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--proxy     | socks5://alice:s3cret@p.test:1080 | --proxy: SOCKS proxies are not supported, only http:// (socks5://***@p.test:1080)",
      "--proxy     | https://alice:s3cret@p.test       | --proxy: https:// proxies (TLS to the proxy) are not supported, only http:// (https://***@p.test)",
      "--proxy     | ftp://p.test                      | --proxy: unsupported proxy scheme 'ftp', only http:// (ftp://p.test)",
      "--proxy     | http://alice:s3cret@              | --proxy: not a proxy URL ([http://][user:password@]host[:port]): http://***@",
      "--proxy     | http://p.test:99999               | --proxy: not a proxy URL ([http://][user:password@]host[:port]): http://p.test:99999",
      "https_proxy | socks5h://p.test                  | https_proxy: SOCKS proxies are not supported, only http:// (socks5h://p.test)",
      "all_proxy   | 'http://a:s3cret@p .test'         | all_proxy: contains a space (http://***@p .test)",
      "no_proxy    | 10.0.0.0/40                       | no_proxy: entry '10.0.0.0/40' is not a CIDR range (ADDRESS/BITS, e.g. 10.0.0.0/8 or fd00::/8)",
      "--noproxy   | a.test:0                          | --noproxy: entry 'a.test:0' has a port that is not 1-65535",
  })
  void aBadValueNamesItsSourceAndNeverThePassword(String source, String value,
      String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      if (source.equals("--proxy")) {
        ProxyEnvironment.resolve(value, null, Map.of());
      } else if (source.equals("--noproxy")) {
        ProxyEnvironment.resolve(null, value, Map.of());
      } else {
        ProxyEnvironment.resolve(null, null, env(source, value));
      }
    });

    assertEquals(message, e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"));
  }

  @Test
  void aControlCharacterIsRefusedAndShownEscaped() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProxyEnvironment.resolve("http://p.test\u001b[2J:3128", null, Map.of()));

    assertEquals("--proxy: contains a control character (http://p.test\\u001b[2J:3128)",
        e.getMessage());
  }
}
