package dev.fetch.http;

import java.util.Locale;
import java.util.Set;

/**
 * The headers whose values are credentials — {@code Authorization}, {@code Proxy-Authorization},
 * {@code Cookie} and {@code Set-Cookie} — shown as {@value #REDACTED} wherever a header is shown
 * ({@code -v}, an error message), and, but for {@code Set-Cookie}, never sent to another origin on
 * a redirect. Stateless.
 */
final class SecretHeaders {
  static final String REDACTED = "[redacted]";
  private static final Set<String> SECRET = Set.of("authorization", "proxy-authorization",
      "cookie", "set-cookie");

  private SecretHeaders() {}

  /** Whether the value of header {@code name} is a credential. */
  static boolean isSecret(String name) {
    return SECRET.contains(name.toLowerCase(Locale.ROOT));
  }

  /** {@code value}, or {@value #REDACTED} when the header's value is a credential. */
  static String shown(String name, String value) {
    return isSecret(name) ? REDACTED : value;
  }
}
