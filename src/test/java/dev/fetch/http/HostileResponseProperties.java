package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.output.Format;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.MangledCredentials;
import dev.fetch.testing.RawServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random bytes as a server's status line, headers and body, and as list lines (jqwik), through the
 * whole command line: whatever arrives, every entry of the list gets exactly one result, the run
 * ends with 0 or 1 (never {@code internal error}), no output holds a raw control character or a
 * credential from the list, and a response whose status line breaks RFC 9112 is never a success.
 * The server is a {@link RawServer} on 127.0.0.1 that sends the bytes and closes.
 */
class HostileResponseProperties {
  /** A status line as RFC 9112 §4 has it (the reason: tabs, spaces, visible ASCII, obs-text). */
  private static final Pattern VALID_STATUS_LINE =
      Pattern.compile("HTTP/1\\.[01] [1-9][0-9]{2} [\\t\\x20-\\x7e\\x80-\\xff]*");

  @Property(tries = 60)
  void everyEntryGetsOneSafeResultInProcess(@ForAll("responses") byte[] response,
      @ForAll("inProcess") Mode mode, @ForAll Format format,
      @ForAll("mangled") String listLine) throws IOException {
    check(response, mode, format, listLine);
  }

  /** Fewer tries: each starts worker JVMs. */
  @Property(tries = 4)
  void everyEntryGetsOneSafeResultInWorkerProcesses(@ForAll("responses") byte[] response,
      @ForAll("mangled") String listLine) throws IOException {
    check(response, Mode.PROCESSES, Format.JSONL, listLine);
  }

  private static void check(byte[] response, Mode mode, Format format, String listLine)
      throws IOException {
    Path dir = Files.createTempDirectory("hostile-");
    try (RawServer server = RawServer.replying(response)) {
      String withCredentials = "http://" + MangledCredentials.USER + ":"
          + MangledCredentials.PASSWORD + "@127.0.0.1:" + server.port() + "/a";
      Path list = ListFiles.write(dir, List.of(withCredentials, server.url("/b"), listLine));

      Cli.Result run = Cli.run("-m", mode.toString(), "-w", "2", "-f", format.toString(), "-v",
          "--retries", "0", "--timeout", "5s", "--connect-timeout", "2s", list.toString());

      String output = run.out() + run.err();
      assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run::toString);
      assertFalse(output.contains("internal error"), run::toString);
      assertFalse(MangledCredentials.leaks(output), () -> "credential leaked:\n" + run);
      assertTrue(output.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t'
          || !Character.isISOControl(c)), () -> "raw control character:\n" + run);
      if (format == Format.JSONL) {
        List<JsonNode> results = JsonLines.results(run);
        assertEquals(3, results.size(), run::toString);
        assertEquals(3, results.stream().map(r -> r.get("index").asInt()).distinct().count(),
            run::toString);
        if (!VALID_STATUS_LINE.matcher(statusLine(response)).matches()) {
          for (JsonNode result : results) {
            assertFalse(result.get("error").isNull() && result.get("index").asInt() < 2,
                () -> "success for a malformed status line:\n" + run);
          }
        }
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String statusLine(byte[] response) {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n");
    return end < 0 ? text : text.substring(0, end);
  }

  @Provide
  Arbitrary<Mode> inProcess() {
    return Arbitraries.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.ASYNC);
  }

  @Provide
  Arbitrary<String> mangled() {
    return MangledCredentials.lines();
  }

  @Provide
  Arbitrary<byte[]> responses() {
    Arbitrary<List<String>> headers = header().list().ofMaxSize(6);
    Arbitrary<String> body = latin1().ofMaxLength(200);
    return Combinators.combine(statusLine(), headers, body).as((status, fields, content) -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StringBuilder head = new StringBuilder(status).append("\r\n");
      fields.forEach(field -> head.append(field).append("\r\n"));
      head.append("\r\n").append(content);
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      return out.toByteArray();
    });
  }

  private static Arbitrary<String> statusLine() {
    Arbitrary<Integer> codes = Arbitraries.integers().between(0, 1200);
    Arbitrary<String> reasons = latin1().ofMaxLength(30);
    Arbitrary<String> versions = Arbitraries.of("HTTP/1.1", "HTTP/1.0", "HTTP/1.2", "HTTP/2",
        "http/1.1", "HTTP/1.1 ", "HTTP/11", "");
    Arbitrary<String> formed = Combinators.combine(versions, codes, reasons)
        .as((version, code, reason) -> version + " " + code + " " + reason);
    Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789+- x").ofMaxLength(6)
        .map(code -> "HTTP/1.1 " + code + " OK");
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("HTTP/1.1 200 OK")),
        Tuple.of(4, formed), Tuple.of(2, digits), Tuple.of(2, latin1().ofMaxLength(40)));
  }

  private static Arbitrary<String> header() {
    Arbitrary<String> junk = latin1().ofMaxLength(30);
    Arbitrary<String> numbers = Arbitraries.of("-5", "0", "3", "10", "99999999999999999999",
        "1e3", " 7", "5, 6", "0x10", "");
    Arbitrary<String> retryAfter = Arbitraries.of("99999999999", "-1", "Fri, 31 Dec 9999 "
        + "23:59:59 GMT", "soon", "0");
    return Arbitraries.frequencyOf(
        Tuple.of(2, numbers.map(n -> "Content-Length: " + n)),
        Tuple.of(1, Arbitraries.of("chunked", "gzip", "chunked, chunked", "identity", "x")
            .map(t -> "Transfer-Encoding: " + t)),
        Tuple.of(1, Arbitraries.of("gzip", "br", "deflate", "x").map(e -> "Content-Encoding: " + e)),
        Tuple.of(1, junk.map(l -> "Location: " + l)),
        Tuple.of(1, retryAfter.map(r -> "Retry-After: " + r)),
        Tuple.of(2, Combinators.combine(junk, junk).as((n, v) -> n + ": " + v)),
        Tuple.of(1, junk));
  }

  /** Characters U+0000 to U+00FF: each one byte on the wire, control characters included. */
  private static net.jqwik.api.arbitraries.StringArbitrary latin1() {
    return Arbitraries.strings().withCharRange('\u0000', '\u00ff');
  }
}
