package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Netrc;
import dev.fetch.download.RequestHeaders;
import dev.fetch.download.RequestSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The first request of an attempt: curl's order of precedence. */
class RequestFactoryTest {
  private static final Netrc NETRC = Netrc.of(List.of(
      new Netrc.Entry("a.test", "alice", "from-netrc")));

  private static Request first(String url, RequestSettings request) {
    DownloadSettings settings = DownloadSettings.builder().userAgent("agent").request(request)
        .build();
    return new RequestFactory(settings).first(HttpUrl.get(url)).build();
  }

  private static String basic(String user, String password) {
    return Credentials.basic(user, password, StandardCharsets.UTF_8);
  }

  @Test
  void theUrlsCredentialsWinOverNetrcAndNetrcServesAUrlWithout() {
    RequestSettings request = RequestSettings.defaults().withNetrc(NETRC);

    assertEquals(basic("bob", "pw"), first("http://bob:pw@a.test/", request)
        .header("Authorization"));
    assertEquals(basic("alice", "from-netrc"), first("http://a.test/", request)
        .header("Authorization"));
    assertEquals(basic("carol", ""), first("http://carol@a.test/", request)
        .header("Authorization"), "no entry for that user: the URL's user, no password");
    assertNull(first("http://b.test/", request).header("Authorization"));
  }

  @Test
  void minusHReplacesOrRemovesWhatFetchWouldSend() {
    RequestSettings replaced = RequestSettings.defaults().withNetrc(NETRC)
        .withHeaders(RequestHeaders.parse(List.of("Authorization: Bearer t", "User-Agent: h",
            "Cookie: mine=1")))
        .withCookies(List.of(), "given=1", false, null);
    RequestSettings removed = RequestSettings.defaults().withNetrc(NETRC)
        .withHeaders(RequestHeaders.parse(List.of("Authorization:", "User-Agent:")));

    Request request = first("http://a.test/", replaced);
    assertEquals(List.of("Bearer t"), request.headers("Authorization"));
    assertEquals(List.of("h"), request.headers("User-Agent"));
    assertEquals(List.of("mine=1"), request.headers("Cookie"));
    assertNull(first("http://a.test/", removed).header("Authorization"));
    assertNull(first("http://a.test/", removed).header("User-Agent"));
  }

  @Test
  void withoutOptionsOnlyTheUserAgentIsSet() {
    Request request = first("http://a.test/", RequestSettings.defaults());

    assertEquals("agent", request.header("User-Agent"));
    assertEquals(1, request.headers().size());
  }
}
