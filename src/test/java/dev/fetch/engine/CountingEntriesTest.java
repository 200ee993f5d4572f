package dev.fetch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadResult;
import dev.fetch.input.InputParser;
import dev.fetch.input.Inputs;
import dev.fetch.output.JsonLinesFormatter;
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

/** A run stopped early lists every URL it did not download, across all its inputs. */
class CountingEntriesTest {
  @TempDir Path dir;

  private String file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  @Test
  void theUnsettledComeFirstThenTheRestOfEveryInputInOrder() throws IOException {
    Inputs inputs = Inputs.of(List.of(
        InputParser.argument(file("a.txt", "http://a.test/1\nhttp://a.test/2\nbad\n")),
        InputParser.argument("http://arg.test/"),
        InputParser.argument(file("b.txt", "http://b.test/1\n"))));
    CountingEntries entries = new CountingEntries(inputs.open(InputStream.nullInputStream()));
    entries.next();
    List<String> urls = new ArrayList<>();

    entries.notDownloaded(urls::add);

    assertEquals(List.of("http://a.test/1", "http://a.test/2", "http://arg.test/",
        "http://b.test/1"), urls, "invalid lines are left out");
    assertEquals(1, entries.taken());
  }

  /** A URL done already ({@code --skip-done}) is not listed, taken or not: it needs no run. */
  @Test
  void urlsSettledWithoutARequestAreNotListed() throws IOException {
    Path journal = dir.resolve("run.jsonl");
    JsonLinesFormatter jsonl = new JsonLinesFormatter();
    Files.writeString(journal,
        jsonl.result(DownloadResult.Success.skipped(0, "http://a.test/2", null, -1))
        + jsonl.result(DownloadResult.Success.skipped(1, "http://b.test/1", null, -1)));
    DoneUrls done = DoneUrls.read(List.of(journal), warning -> { });
    Inputs inputs = Inputs.of(List.of(
        InputParser.argument(file("a.txt", "http://a.test/1\nhttp://a.test/2\nhttp://a.test/3\n")),
        InputParser.argument(file("b.txt", "http://b.test/1\nhttp://b.test/2\n"))));
    CountingEntries entries = new CountingEntries(inputs.open(InputStream.nullInputStream()),
        done.skipping(null));
    entries.next();
    assertTrue(entries.next().settled() != null, "a.test/2 is done");
    List<String> urls = new ArrayList<>();

    entries.notDownloaded(urls::add);

    assertEquals(List.of("http://a.test/1", "http://a.test/3", "http://b.test/2"), urls);
  }

  /**
   * The feeder is blocked reading standard input, inside the entries' lock: the rest is still
   * listed — the inputs after standard input, not the rest of it — and nothing waits on it.
   */
  @Test
  @Timeout(30)
  void aFeederBlockedOnStandardInputNeverHoldsUpTheRest() throws Exception {
    BlockedInput stdin = new BlockedInput("http://s.test/\n");
    Inputs inputs = Inputs.of(List.of(InputParser.argument("http://arg.test/1"),
        InputParser.argument("-"),
        InputParser.argument(file("b.txt", "http://b.test/1\nhttp://b.test/2\n"))));
    CountingEntries entries = new CountingEntries(inputs.open(stdin));
    entries.next();
    CompletableFuture<Boolean> feeder = CompletableFuture.supplyAsync(entries::hasNext);
    assertTrue(stdin.reading().await(10, TimeUnit.SECONDS), "the feeder waits on stdin");
    List<String> urls = new ArrayList<>();

    entries.notDownloaded(urls::add);

    assertEquals(List.of("http://arg.test/1", "http://b.test/1", "http://b.test/2"), urls);
    stdin.release();
    assertTrue(feeder.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aSettledUrlIsNotListed() {
    Inputs inputs = Inputs.of(List.of(InputParser.argument("http://arg.test/1"),
        InputParser.argument("http://arg.test/2")));
    CountingEntries entries = new CountingEntries(inputs.open(InputStream.nullInputStream()));
    entries.next();
    assertEquals("http://arg.test/1", entries.settle(0));
    List<String> urls = new ArrayList<>();

    entries.notDownloaded(urls::add);

    assertEquals(List.of("http://arg.test/2"), urls);
  }
}
