package dev.fetch.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * List lines that give {@link #USER}:{@link #PASSWORD} as credentials, mangled every way a list
 * may mangle a URL: every scheme-ish prefix (none, {@code //}, {@code http//}, {@code http;//},
 * {@code ftp://}, backslashes, words before it), noise around the user and the password (colons,
 * {@code @}, spaces, an escape character), odd hosts and paths that may hold {@code @} or a bell.
 * The noise never holds a slash, so the user and the password stay in the would-be user
 * information and are never a host or a path; neither word can be made from the other parts, so
 * output that contains one leaks a credential.
 */
public final class MangledCredentials {
  public static final String USER = "alice";
  public static final String PASSWORD = "s3cret";

  private MangledCredentials() {}

  /** One mangled line, without a line end. */
  public static Arbitrary<String> lines() {
    Arbitrary<String> prefixes = Arbitraries.of("", "//", "///", "http//", "http;//", "http:/",
        "http:", "http://", "https://", "HTTP://", "ftp://", "http:\\\\", "\\\\", "@", "x ",
        "see http://", "mailto:", " http://");
    Arbitrary<String> noise = Arbitraries.strings().withChars("abcxyz019:@ .%-\u001b")
        .ofMaxLength(5);
    Arbitrary<String> hosts = Arbitraries.strings().withChars("hostxyz.-0123456789:[]")
        .ofMaxLength(12);
    Arbitrary<String> paths = Arbitraries.strings().withChars("abcpth/?#@ %=&\u0007")
        .ofMaxLength(12);
    return Combinators.combine(prefixes, noise, noise, hosts, paths)
        .as((prefix, user, password, host, path) -> prefix + user + USER + user + ":"
            + password + PASSWORD + password + "@" + host + path);
  }

  /** Whether {@code text} shows either credential. */
  public static boolean leaks(String text) {
    return text.contains(USER) || text.contains(PASSWORD);
  }
}
