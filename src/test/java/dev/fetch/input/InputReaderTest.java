package dev.fetch.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fetch.testing.BlockedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of the inputs after a run stopped early: read without ever blocking on standard
 * input, which the feeder may be blocked in.
 */
class InputReaderTest {
  @TempDir Path dir;

  private static final InputStream NEVER_READ = new InputStream() {
    @Override
    public int read() {
      return fail("standard input was read");
    }
  };

  private Input file(String name, String content) throws IOException {
    return InputParser.argument(Files.writeString(dir.resolve(name), content).toString());
  }

  @Test
  @Timeout(30)
  void insideABlockedStandardInputTheInputsAfterItAreReadOnTheirOwn() throws Exception {
    BlockedInput stdin = new BlockedInput("http://s.test/1\n");
    Inputs inputs = Inputs.of(List.of(file("a.txt", "http://a.test/1\n"),
        InputParser.argument("-"), file("b.txt", "http://b.test/1\nbad line\nhttp://b.test/2\n")));
    InputReader reader = inputs.open(stdin);
    assertEquals("http://a.test/1", reader.next().display());
    CompletableFuture<Boolean> feeder = CompletableFuture.supplyAsync(reader::hasNext);
    assertTrue(stdin.reading().await(10, TimeUnit.SECONDS), "the feeder waits on stdin");

    assertTrue(reader.stopAtEndless(), "inside standard input");
    List<String> rest = new ArrayList<>();
    reader.forEachAfterCurrent(e -> rest.add(e.location() + " " + e.display()));

    Path b = dir.resolve("b.txt");
    assertEquals(List.of(b + ":1 http://b.test/1", b + ":2 bad line",
        b + ":3 http://b.test/2"), rest);
    stdin.release();
    assertTrue(feeder.get(10, TimeUnit.SECONDS));
    assertEquals("<stdin>:1", reader.next().location());
    assertFalse(reader.hasNext(), "the inputs after it were handed over, not read again");
    reader.close();
  }

  @Test
  void outsideStandardInputTheRestIsReadThroughTheReaderSkippingStandardInput()
      throws IOException {
    Inputs inputs = Inputs.of(List.of(file("a.txt", "http://a.test/1\nhttp://a.test/2\n"),
        InputParser.argument("-"), InputParser.argument("http://c.test/"),
        file("b.txt", "http://b.test/1\n")));
    List<String> rest = new ArrayList<>();

    try (InputReader reader = inputs.open(NEVER_READ)) {
      assertEquals(0, reader.next().index());
      assertFalse(reader.stopAtEndless());
      reader.forEachRemaining(e -> rest.add(e.index() + " " + e.display()));
    }

    assertEquals(List.of("1 http://a.test/2", "2 http://c.test/", "3 http://b.test/1"), rest);
  }

  @Test
  void beforeAnythingIsReadTheRestIsEverythingButStandardInput() throws IOException {
    Inputs inputs = Inputs.of(List.of(InputParser.argument("-"),
        file("a.txt", "http://a.test/1\n")));
    List<String> rest = new ArrayList<>();

    try (InputReader reader = inputs.open(NEVER_READ)) {
      assertFalse(reader.stopAtEndless());
      reader.forEachRemaining(e -> rest.add(e.display()));
    }

    assertEquals(List.of("http://a.test/1"), rest);
  }

  @Test
  void aClosedReaderReadsNothingMore() throws IOException {
    Inputs inputs = Inputs.of(List.of(InputParser.argument("http://a.test/"),
        file("a.txt", "http://a.test/1\n")));
    InputReader reader = inputs.open(NEVER_READ);

    reader.close();

    assertFalse(reader.hasNext());
  }
}
