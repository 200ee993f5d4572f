package dev.fetch.compare.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetch.testing.SampleComparison;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The compare JSON export of the sample comparison, to the byte, against the checked-in
 * {@code golden/compare.json}: a change to the schema ({@code docs/compare-json.md}) shows up
 * here first. To update it after a deliberate change, write {@code JsonExport.render} of the
 * sample over the file and review the diff.
 */
class JsonExportGoldenTest {

  @Test
  void theSampleMatchesTheGoldenFile() throws IOException {
    assertEquals(golden("/golden/compare.json"), JsonExport.render(SampleComparison.build()));
  }

  private static String golden(String resource) throws IOException {
    try (InputStream in = JsonExportGoldenTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
