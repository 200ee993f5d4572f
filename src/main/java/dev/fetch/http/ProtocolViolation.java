package dev.fetch.http;

import java.net.ProtocolException;

/**
 * A response that breaks a rule of HTTP (RFC 9110, RFC 9112) which OkHttp lets through, found by
 * {@link ResponseChecks} (or a bad chunk named as such by {@link OkHttpDownloader}): a result of
 * kind {@code protocol}. Its message names the rule and is already safe to print: control
 * characters escaped, cut at {@value #MAX_LENGTH} characters.
 */
final class ProtocolViolation extends ProtocolException {
  /** The most characters of a message; what a server sent is cut there. */
  static final int MAX_LENGTH = 300;

  ProtocolViolation(String message) {
    super(SafeText.of(message, MAX_LENGTH));
  }
}
