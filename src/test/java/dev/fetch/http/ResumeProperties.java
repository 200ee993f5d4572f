package dev.fetch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.server.SiteServer;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@code --continue} after a body cut at any byte (jqwik), through the whole command line against
 * the project's own test site on 127.0.0.1 ({@code /bytes/N?cut=K} promises N bytes and sends K):
 * the resumed file equals the original, byte for byte, and the second run transfers only what was
 * missing; when the body changed in between ({@code ?v=1}: another ETag, so {@code If-Range}
 * fails) the file is the new body, fetched whole. One server for every try; in-process modes
 * (worker JVMs are covered by {@code OptionContractTest}).
 */
class ResumeProperties {
  private static SiteServer site;

  @BeforeContainer
  static void startSite() throws IOException {
    site = SiteServer.start("127.0.0.1", 0);
  }

  @AfterContainer
  static void stopSite() {
    site.close();
  }

  @Property(tries = 15)
  void theResumedFileEqualsTheOriginalForAnyCutPoint(
      @ForAll @IntRange(min = 1, max = 150_000) int size,
      @ForAll @IntRange(min = 0, max = 1000) int cutPerMille, @ForAll("inProcess") Mode mode,
      @ForAll boolean changed) throws IOException {
    int cut = (int) ((long) size * cutPerMille / 1000);
    Path dir = Files.createTempDirectory("resume-");
    Path out = dir.resolve("out");
    String url = site.baseUrl() + "/bytes/" + size;

    Cli.Result first = run(mode, ListFiles.write(dir, List.of(url + "?cut=" + cut)), out);
    long kept = cut < size ? Files.size(out.resolve("." + size + ".fetch-part")) : size;
    assertEquals(cut, kept, first::toString);
    assertEquals(cut < size, Files.notExists(out.resolve(String.valueOf(size))), first::toString);

    String version = changed ? "?v=1" : "";
    Cli.Result second = run(mode, ListFiles.write(dir, List.of(url + version)), out);

    assertEquals(0, second.exitCode(), second::toString);
    JsonNode result = JsonLines.results(second).get(0);
    assertEquals(-1, firstDifference(pattern(size, changed ? 1 : 0),
        Files.readString(out.resolve("" + size))), "the first byte that differs");
    assertEquals(size, result.get("file_bytes").asLong(), second::toString);
    assertEquals(changed ? size : size - cut, result.get("bytes").asLong(), second::toString);
    assertFalse(Files.exists(out.resolve("." + size + ".fetch-part")));
  }

  private static Cli.Result run(Mode mode, Path list, Path out) {
    return Cli.run("-m", mode.toString(), "-f", "jsonl", "--retries", "0", "--continue", "-o",
        out.toString(), list.toString());
  }

  @Provide
  Arbitrary<Mode> inProcess() {
    return Arbitraries.of(Mode.SEQUENTIAL, Mode.THREADS, Mode.ASYNC);
  }

  /** Where {@code a} and {@code b} first differ, or -1 when they are equal. */
  private static int firstDifference(String a, String b) {
    int length = Math.min(a.length(), b.length());
    for (int i = 0; i < length; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return a.length() == b.length() ? -1 : length;
  }

  /** Version {@code version} of the test site's body: the alphabet, shifted, repeated. */
  private static String pattern(int size, int version) {
    StringBuilder body = new StringBuilder(size);
    for (int i = 0; i < size; i++) {
      body.append((char) ('a' + (i + version) % 26));
    }
    return body.toString();
  }
}
