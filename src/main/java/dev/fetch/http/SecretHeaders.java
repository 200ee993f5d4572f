package dev.fetch.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The headers whose values are credentials — {@code Authorization}, {@code Proxy-Authorization},
 * {@code Cookie} and {@code Set-Cookie}, and any header whose name says it holds one
 * ({@code X-Api-Key}, {@code X-Auth-Token}, {@code X-CSRF-Token}, {@code Private-Token}, …) —
 * shown as {@value #REDACTED} wherever a header is shown ({@code -v}, an error message). The four
 * named ones (but {@code Set-Cookie}) are also never sent to another origin on a redirect; other
 * {@code -H} headers follow redirects, as curl's do. Stateless.
 */
final class SecretHeaders {
  static final String REDACTED = "[redacted]";
  private static final Set<String> SECRET = Set.of("authorization", "proxy-authorization",
      "cookie", "set-cookie");

  private SecretHeaders() {}

  /** Words that make a header's name say its value is a credential. */
  private static final List<String> SECRET_WORDS = List.of("auth", "token", "secret", "passw",
      "key", "session", "signature", "credential", "csrf", "xsrf", "cookie", "jwt");

  /** Whether the value of header {@code name} is, or says it is, a credential. */
  static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SECRET.contains(lower) || SECRET_WORDS.stream().anyMatch(lower::contains);
  }

  /** {@code value}, or {@value #REDACTED} when the header's value is a credential. */
  static String shown(String name, String value) {
    return isSecret(name) ? REDACTED : value;
  }
}
