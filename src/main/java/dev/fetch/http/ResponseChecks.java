package dev.fetch.http;

import java.io.IOException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that holds every response from the wire (redirects included, before
 * OkHttp follows them) to the rules of HTTP that OkHttp 5 lets through, and makes safe one value
 * OkHttp itself cannot handle. Stateless and thread-safe.
 *
 * <p>Rejected with a {@link ProtocolViolation} (the response is closed and the call fails with
 * kind {@code protocol}; OkHttp does not retry it):
 * <ul>
 *   <li>a status outside 100–599, or {@code 101 Switching Protocols}, which fetch never asks for
 *       (OkHttp itself skips the other 1xx and reads the response after them);
 *   <li>a control character other than tab in the reason phrase, a header name or a header
 *       value (RFC 9110 §5.5, RFC 9112 §4); the message quotes the header, a credential's value
 *       ({@code Set-Cookie}) as {@code [redacted]};
 *   <li>a {@code Content-Length} that is not a decimal number of at most 18 digits, or several
 *       that differ (RFC 9110 §8.6, RFC 9112 §6.3: OkHttp would read a negative one as a crash,
 *       an unreadable one as "until the connection closes", and use the last of several);
 *   <li>{@code Content-Length} together with {@code Transfer-Encoding} (RFC 9112 §6.1: a server
 *       must not send both; it is how responses are smuggled).
 * </ul>
 *
 * <p>Changed: a {@code Retry-After} of more than 2<sup>31</sup>−1 seconds becomes 2147483647
 * (still far beyond any wait fetch honours). OkHttp 5 reads the value as an {@code int} when it
 * decides whether to repeat a 408 or 503 itself ({@code RetryAndFollowUpInterceptor.retryAfter})
 * and throws {@code NumberFormatException} out of the call otherwise: an "internal error" in a
 * blocking call and an uncaught exception on the dispatcher thread in async mode.
 */
final class ResponseChecks implements Interceptor {
  static final String MAX_RETRY_AFTER = Integer.toString(Integer.MAX_VALUE);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String problem = problem(response);
    if (problem != null) {
      discard(response, chain);
      throw new ProtocolViolation(problem);
    }
    String retryAfter = response.header("Retry-After");
    if (retryAfter != null && isOverlongNumber(retryAfter.trim())) {
      return response.newBuilder().header("Retry-After", MAX_RETRY_AFTER).build();
    }
    return response;
  }

  /** What is wrong with {@code response}'s head, or null if nothing this class checks. */
  static String problem(Response response) {
    int code = response.code();
    if (code < 100 || code > 599) {
      return "invalid status code " + code + " (HTTP allows 100-599)";
    }
    if (code == 101) {
      return "unexpected 101 Switching Protocols (no upgrade was asked for)";
    }
    if (hasControl(response.message())) {
      return "control character in the status line: " + code + " " + response.message();
    }
    Headers headers = response.headers();
    for (int i = 0; i < headers.size(); i++) {
      if (hasControl(headers.name(i)) || hasControl(headers.value(i))) {
        return "control character in a header: " + headers.name(i) + ": "
            + SecretHeaders.shown(headers.name(i), headers.value(i));
      }
    }
    return lengthProblem(headers);
  }

  private static String lengthProblem(Headers headers) {
    String first = null;
    boolean transferEncoding = false;
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      if (name.equalsIgnoreCase("Transfer-Encoding")) {
        transferEncoding = true;
      } else if (name.equalsIgnoreCase("Content-Length") && first == null) {
        first = headers.value(i);
      }
    }
    if (first == null) {
      return null;
    }
    if (transferEncoding) {
      return "both Content-Length and Transfer-Encoding in one response";
    }
    String expected = first.trim();
    for (int i = 0; i < headers.size(); i++) {
      if (!headers.name(i).equalsIgnoreCase("Content-Length")) {
        continue;
      }
      String length = headers.value(i);
      String value = length.trim();
      if (value.isEmpty() || value.length() > 18 || !isDigits(value)) {
        return "invalid Content-Length: " + length;
      }
      if (!value.equals(expected)) {
        return "conflicting Content-Length headers: "
            + String.join(", ", headers.values("Content-Length"));
      }
    }
    return null;
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\t' && SafeText.isControl(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code value} is delay-seconds too large for an {@code int}. */
  private static boolean isOverlongNumber(String value) {
    if (value.isEmpty() || !isDigits(value)) {
      return false;
    }
    String digits = value.replaceFirst("^0+(?=.)", "");
    return digits.length() > 10 || (digits.length() == 10 && digits.compareTo(MAX_RETRY_AFTER) > 0);
  }

  /**
   * Closes a rejected response. A body OkHttp cannot even discard (a negative length makes its
   * reader throw {@code IllegalArgumentException}) is abandoned by cancelling the call, which
   * closes the connection.
   */
  private static void discard(Response response, Chain chain) {
    try {
      response.close();
    } catch (RuntimeException unreadable) {
      chain.call().cancel();
    }
  }
}
