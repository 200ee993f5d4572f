package dev.fetch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.download.Outcome;
import dev.fetch.output.JsonLinesFormatter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The journal reader's fast path ({@link JournalLine#asWritten}) says what the JSON parser
 * ({@link JournalLine#parsed}) says, or leaves the line to it: for every result fetch can write,
 * cut at any byte.
 */
class JournalLineProperties {
  private static final JsonLinesFormatter JSON = new JsonLinesFormatter();

  @Property(tries = 400)
  void theFastPathAgreesWithTheParserOnWholeAndCutLines(@ForAll("results") DownloadResult result,
      @ForAll @IntRange(min = 0, max = 100) int cutPercent) {
    String line = JSON.result(result);
    byte[] bytes = line.substring(0, line.length() - 1).getBytes(StandardCharsets.UTF_8);
    int length = cutPercent == 100 ? bytes.length : bytes.length * cutPercent / 100;

    JournalLine fast = JournalLine.asWritten(bytes, 0, length);
    JournalLine parsed = JournalLine.parsed(bytes, 0, length);

    if (fast != null) {
      assertEquals(parsed, fast, line);
    }
    assertEquals(parsed, JournalLine.parse(bytes, 0, length), line);
    if (length == bytes.length) {
      assertEquals(JournalLine.Kind.RESULT, parsed.kind(), line);
      assertEquals(result.url(), parsed.url(), line);
      assertEquals(result.succeeded(), parsed.success(), line);
    }
  }

  @Property(tries = 100)
  void aPlainResultTakesTheFastPath(@ForAll("plainUrls") String url,
      @ForAll("outcomes") Outcome outcome) {
    DownloadResult result = new DownloadResult.Success(7, url, 200, 10, Duration.ofMillis(3), 1,
        "worker-1", "h2", outcome, "a/b.html", 10);
    byte[] bytes = JSON.result(result).trim().getBytes(StandardCharsets.UTF_8);

    JournalLine fast = JournalLine.asWritten(bytes, 0, bytes.length);

    assertNotNull(fast);
    assertEquals(new JournalLine(JournalLine.Kind.RESULT, url, true), fast);
  }

  @Property(tries = 50)
  void aLineWithFieldsInAnotherOrderIsLeftToTheParser(@ForAll("plainUrls") String url) {
    byte[] bytes = ("{\"type\":\"result\",\"index\":1,\"url\":\"" + url + "\",\"path\":null,"
        + "\"outcome\":\"failed\",\"file_bytes\":null}").getBytes(StandardCharsets.UTF_8);

    assertNull(JournalLine.asWritten(bytes, 0, bytes.length));
    assertEquals(new JournalLine(JournalLine.Kind.RESULT, url, false),
        JournalLine.parse(bytes, 0, bytes.length));
  }

  @Provide
  Arbitrary<String> plainUrls() {
    return Arbitraries.strings().withChars("abcxyz019/:.?=&%é€").ofMinLength(0).ofMaxLength(40)
        .map(tail -> "http://a.test/" + tail);
  }

  /** Any text a list or a server can bring: every character but unpaired surrogates. */
  private static Arbitrary<String> anyText() {
    return Arbitraries.strings().withCharRange('\u0000', '\ud7ff')
        .withCharRange('\ue000', '\ufffd').ofMaxLength(30);
  }

  @Provide
  Arbitrary<Outcome> outcomes() {
    return Arbitraries.of(Outcome.class);
  }

  @Provide
  Arbitrary<DownloadResult> results() {
    Arbitrary<String> urls = Arbitraries.oneOf(plainUrls(),
        anyText().map(tail -> "http://a.test/" + tail));
    Arbitrary<String> texts = anyText().injectNull(0.2);
    Arbitrary<DownloadResult> successes = Combinators.combine(urls, outcomes(), texts,
        Arbitraries.longs().between(-1, 1L << 40)).as((url, outcome, path, size) ->
            new DownloadResult.Success(3, url, 200, 5, Duration.ofNanos(1_234_567), 1, "w-1",
                "http/1.1", outcome, path, size));
    Arbitrary<DownloadResult> failures = Combinators.combine(urls, texts,
        Arbitraries.of(ErrorKind.class)).as((url, message, kind) ->
            new DownloadResult.Failure(4, url, null, 0, Duration.ZERO, 2, "w-2", kind,
                message == null ? "" : message, null));
    return Arbitraries.oneOf(successes, failures);
  }
}
