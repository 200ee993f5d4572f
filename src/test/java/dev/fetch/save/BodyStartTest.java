package dev.fetch.save;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fetch.download.Validators;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The Last-Modified time a sink gets: parsed when asked, as OkHttp parses the header. */
class BodyStartTest {
  @Test
  void parsesTheDateAsOkHttpDoes() {
    for (String date : new String[] {"Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"}) {
      BodyStart start = new BodyStart(10, 0, new Validators("\"e\"", date));
      assertEquals(Headers.of("Last-Modified", date).getInstant("Last-Modified"),
          start.lastModified(), date);
      assertEquals(Instant.parse("1994-11-06T08:49:37Z"), start.lastModified(), date);
    }
  }

  @Test
  void noDateOrAnUnreadableOneIsNull() {
    assertNull(BodyStart.of(5).lastModified());
    assertNull(new BodyStart(5, 0, new Validators(null, "yesterday")).lastModified());
    assertNull(new BodyStart(5, 0, new Validators(null, "\u00e9 06 Nov 1994 08:49:37 GMT"))
        .lastModified(), "a value OkHttp reads leniently, not ASCII, is no date and no crash");
  }
}
