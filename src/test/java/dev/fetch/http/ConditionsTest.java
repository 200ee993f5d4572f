package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fetch.download.Validators;
import dev.fetch.save.LocalFile;
import java.time.Instant;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** What a request asks for given what is on disk, and the Content-Range forms read back. */
class ConditionsTest {
  private static final Instant TIME = Instant.parse("2020-01-02T03:04:05Z");
  private static final LocalFile FILE_AND_PARTIAL = new LocalFile(100, TIME, 40);
  private static final LocalFile FILE_ONLY = new LocalFile(100, TIME, -1);

  @Test
  void aPartialIsContinuedFirstThenAFileIsAskedForConditionallyThenContinuedLikeWgetC() {
    assertEquals(40, Conditions.decide(FILE_AND_PARTIAL, true, true, false).rangeFrom());
    Conditions both = Conditions.decide(FILE_ONLY, true, true, false);
    assertEquals(-1, both.rangeFrom());
    assertEquals(true, both.conditional());
    assertEquals(100, Conditions.decide(FILE_ONLY, true, false, false).rangeFrom());
    assertEquals(-1, Conditions.decide(new LocalFile(100, TIME, 0), true, false, false)
        .rangeFrom(), "an empty partial starts from byte 0");
    Conditions restarted = Conditions.decide(FILE_AND_PARTIAL, true, true, true);
    assertEquals(-1, restarted.rangeFrom());
    assertEquals(false, restarted.conditional());
  }

  @Test
  void theHeadersFollowTheDecision() {
    Request ranged = headers(Conditions.decide(FILE_AND_PARTIAL, true, false, false),
        new Validators("W/\"weak\"", "Sun, 06 Nov 1994 08:49:37 GMT"));
    assertEquals("bytes=40-", ranged.header("Range"));
    assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", ranged.header("If-Range"),
        "a weak ETag never matches a range: the date goes instead");
    assertEquals("identity", ranged.header("Accept-Encoding"));

    Request conditional = headers(Conditions.decide(FILE_ONLY, false, true, false),
        new Validators("\"v1\"", null));
    assertEquals("Thu, 02 Jan 2020 03:04:05 GMT", conditional.header("If-Modified-Since"));
    assertEquals("\"v1\"", conditional.header("If-None-Match"));
    assertNull(conditional.header("Accept-Encoding"), "gzip as usual without --continue");
  }

  @Test
  void contentRangeFormsAreReadStrictly() {
    assertEquals(40, ContentRange.first("bytes 40-99/100"));
    assertEquals(40, ContentRange.first("bytes 40-99/*"));
    assertEquals(-1, ContentRange.first("bytes 50-40/100"));
    assertEquals(-1, ContentRange.first("items 40-99/100"));
    assertEquals(-1, ContentRange.first(null));
    assertEquals(100, ContentRange.completeLength("bytes */100"));
    assertEquals(-1, ContentRange.completeLength("bytes 0-1/100"));
    assertEquals(-1, ContentRange.completeLength("bytes */99999999999999999999"));
  }

  private static Request headers(Conditions conditions, Validators validators) {
    Request.Builder builder = new Request.Builder().url("http://127.0.0.1/x");
    conditions.addTo(builder, validators, validators);
    return builder.build();
  }
}
