package dev.fetch.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardTest {
  @TempDir Path dir;

  @Test
  void parsesKOfNCountedFromOne() {
    assertEquals(new Shard(3, 8, ShardBy.HOST), Shard.parse("3/8", ShardBy.HOST));
    assertEquals("1/1", Shard.parse("1/1", ShardBy.INDEX).toString());
  }

  @Test
  void refusesWhatIsNotAShardOfACount() {
    assertEquals("shards are numbered from 1 to 8, not 0",
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/8", ShardBy.HOST))
            .getMessage());
    assertEquals("shards are numbered from 1 to 8, not 9",
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("9/8", ShardBy.HOST))
            .getMessage());
    for (String bad : List.of("3", "3/", "/8", "a/b", "3/8/1", "-1/8", " 3/8", "3/0",
        "1/9999999999")) {
      assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad, ShardBy.HOST), bad);
    }
  }

  /**
   * The host hash is fixed (golden values): machines on other JVMs and fetch versions must deal
   * a list out the same way, so this changes only with a note in the README.
   */
  @Test
  void theHostHashIsStable() {
    assertEquals("f543c3c60b902e03", Long.toHexString(ShardBy.fnv1a("example.org")));
    assertEquals("da18495f1e5946e1", Long.toHexString(ShardBy.fnv1a("127.0.0.1")));
    assertEquals(4, ShardBy.HOST.shardOf(entry("http://EXAMPLE.org:80/x"), 8) + 1);
    assertEquals(3, ShardBy.HOST.shardOf(entry("https://a.test/"), 8) + 1);
  }

  private static UrlEntry entry(String url) {
    return new UrlEntry(0, "t", 1, url, okhttp3.HttpUrl.get(url), null);
  }

  /** Another shard's lines are dropped and counted, so an empty shard is told from an empty list. */
  @Test
  void anEmptyShardIsToldFromAnEmptyList() throws Exception {
    Path list = Files.write(dir.resolve("list.txt"), List.of("http://a.test/1", "http://a.test/2"));
    Inputs inputs = Inputs.of(list.toString());
    int home = Shard.of(new InputReaderFirst(inputs).first(), 2, ShardBy.HOST);
    try (InputReader other = inputs.shard(new Shard(3 - home, 2, ShardBy.HOST))
        .open(InputStream.nullInputStream())) {
      assertEquals(false, other.hasNext());
      assertEquals(2, other.dropped());
    }
    List<Integer> indexes = new ArrayList<>();
    try (InputReader mine = inputs.shard(new Shard(home, 2, ShardBy.HOST))
        .open(InputStream.nullInputStream())) {
      mine.forEachRemaining(e -> indexes.add(e.index()));
      assertEquals(0, mine.dropped());
    }
    assertEquals(List.of(0, 1), indexes);
    assertEquals(2, inputs.shard(new Shard(home, 2, ShardBy.HOST)).countUrlLines());
    assertEquals(0, inputs.shard(new Shard(3 - home, 2, ShardBy.HOST)).countUrlLines());
  }

  private record InputReaderFirst(Inputs inputs) {
    UrlEntry first() {
      try (InputReader reader = inputs.open(InputStream.nullInputStream())) {
        return reader.next();
      }
    }
  }
}
