package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which header values {@code -v} and error messages never show. */
class SecretHeadersTest {
  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "proxy-authorization", "Cookie", "Set-Cookie",
      "X-Api-Key", "X-API-KEY", "Api-Key", "X-Auth-Token", "Private-Token", "X-CSRF-Token",
      "X-XSRF-TOKEN", "X-Amz-Security-Token", "X-Session-Id", "X-Client-Secret", "X-Password",
      "X-Hub-Signature-256", "X-Goog-Api-Key", "X-Credential", "X-Jwt-Assertion"})
  void aHeaderThatHoldsACredentialIsRedacted(String name) {
    assertEquals("[redacted]", SecretHeaders.shown(name, "s3cret"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Accept", "Accept-Encoding", "User-Agent", "Content-Type", "Host",
      "X-Request-Id", "If-None-Match", "Range", "Referer", "Cache-Control", "Location"})
  void anOrdinaryHeaderIsShown(String name) {
    assertEquals("value", SecretHeaders.shown(name, "value"));
  }
}
