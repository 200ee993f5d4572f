package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.ProxySettings;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** {@link ProxyUrl} parsing and {@link SettingsProxySelector}'s choice for each URL. */
class ProxySelectionTest {
  @Test
  void aProxyWithoutSchemeIsHttpAndWithoutPortIsCurls1080() {
    ProxyUrl bare = ProxyUrl.parse("proxy.test");
    assertEquals("proxy.test", bare.host());
    assertEquals(1080, bare.port());
    assertEquals(80, ProxyUrl.parse("http://proxy.test:80").port());
    assertEquals(3128, ProxyUrl.parse("alice:pw@proxy.test:3128/ignored").port());
    assertEquals(1080, ProxyUrl.parse("http://alice:pw@proxy.test/").port());
    assertEquals(8080, ProxyUrl.parse("http://[::1]:8080").port());
    assertEquals(1080, ProxyUrl.parse("http://[::1]").port());
  }

  @Test
  void credentialsArePercentDecodedSentAsBasicAndNeverShown() {
    ProxyUrl proxy = ProxyUrl.parse("http://al%40ice:p%3Aw%20x@proxy.test:3128");

    assertTrue(proxy.hasCredentials());
    // base64("al@ice:p:w x")
    assertEquals("Basic YWxAaWNlOnA6dyB4", proxy.authorization());
    assertEquals("http://***@proxy.test:3128", proxy.toString());
    assertFalse(ProxyUrl.parse("http://proxy.test:3128").hasCredentials());
  }

  @Test
  void theProxyOfEachSchemeExceptForNoProxyHosts() {
    SettingsProxySelector selector = new SettingsProxySelector(new ProxySettings(
        "http://h.test:1", "http://s.test:2", "direct.test, 10.0.0.0/8, a.test:8080"));

    assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(
        "h.test", 1))), selector.select(uri("http://x.test/")));
    assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(
        "s.test", 2))), selector.select(uri("https://x.test/")));
    assertEquals(List.of(Proxy.NO_PROXY), selector.select(uri("https://www.direct.test/")));
    assertEquals(List.of(Proxy.NO_PROXY), selector.select(uri("http://10.1.2.3:81/")));
    assertEquals(List.of(Proxy.NO_PROXY), selector.select(uri("http://a.test:8080/")));
    assertEquals(1, selector.select(uri("http://a.test/")).size());
    assertEquals(Proxy.Type.HTTP, selector.select(uri("http://a.test/")).get(0).type());
  }

  @Test
  void anEmptyProxyIsDirectAndNullAsksTheJvm() {
    SettingsProxySelector selector = new SettingsProxySelector(new ProxySettings("", null, ""));

    assertEquals(List.of(Proxy.NO_PROXY), selector.select(uri("http://x.test/")));
    // The test JVM has no -Dhttps.proxyHost: its default selector says direct.
    assertEquals(List.of(Proxy.NO_PROXY), selector.select(uri("https://x.test/")));
  }

  @Test
  void selectorsAndCredentialsForEqualSettingsAreEqualSoPooledConnectionsAreShared() {
    ProxySettings settings = new ProxySettings("http://u:p@h.test:1", "", "");
    assertEquals(new SettingsProxySelector(settings), new SettingsProxySelector(
        new ProxySettings("http://u:p@h.test:1", "", "")));
    assertEquals(new ProxyCredentials(settings), new ProxyCredentials(
        new ProxySettings("http://u:p@h.test:1", "", "")));
  }

  @Test
  void settingsNeverShowAPassword() {
    ProxySettings settings = new ProxySettings("http://alice:s3cret@h.test:1",
        "alice:s3cret@s.test:2", "");
    assertFalse(settings.toString().contains("s3cret"), settings.toString());
    assertFalse(new SettingsProxySelector(settings).toString().contains("s3cret"));
  }

  private static URI uri(String url) {
    return HttpUrl.get(url).uri();
  }
}
