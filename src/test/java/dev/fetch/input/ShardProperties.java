package dev.fetch.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@code --shard} over random lists (jqwik): for any count from 1 to 64 the shards
 * read through the real {@link Inputs} are disjoint and cover the list, every entry keeps its
 * index in the whole list, and, sharding by host, all URLs of a host are in one shard.
 */
class ShardProperties {

  /** List lines: URLs on a few hosts (case varies), and some lines that are not URLs. */
  @Provide
  Arbitrary<List<String>> lists() {
    Arbitrary<String> hosts = Arbitraries.of("a.test", "B.test", "c.example", "127.0.0.1",
        "d.test:8080", "xn--bcher-kva.test", "e.test", "f.test");
    Arbitrary<String> urls = Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(8)
        .flatMap(path -> hosts.map(host -> "http://" + host + "/" + path));
    Arbitrary<String> junk = Arbitraries.of("not a url", "ftp://x.test/", "http://", "# comment",
        "");
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, urls),
        net.jqwik.api.Tuple.of(1, junk)).list().ofMaxSize(300);
  }

  @Property(tries = 200)
  void shardsAreDisjointAndCoverTheList(@ForAll("lists") List<String> lines,
      @ForAll @IntRange(min = 1, max = 64) int count, @ForAll ShardBy by) throws IOException {
    Path list = Files.createTempFile("shards", ".txt");
    try {
      Files.write(list, lines);
      List<UrlEntry> whole = read(Inputs.of(list.toString()));
      Map<Integer, Integer> shardOfIndex = new HashMap<>();
      Map<String, Integer> shardOfHost = new HashMap<>();
      for (int k = 1; k <= count; k++) {
        for (UrlEntry entry : read(Inputs.of(list.toString()).shard(new Shard(k, count, by)))) {
          Integer before = shardOfIndex.put(entry.index(), k);
          assertEquals(null, before, "index " + entry.index() + " in shards " + before
              + " and " + k);
          UrlEntry original = whole.get(entry.index());
          assertEquals(original.display(), entry.display(), "the index of the whole list");
          assertEquals(original.lineNumber(), entry.lineNumber());
          if (by == ShardBy.HOST && entry.url() != null) {
            Integer hostShard = shardOfHost.putIfAbsent(entry.url().host(), k);
            assertTrue(hostShard == null || hostShard == k, entry.url().host()
                + " in shards " + hostShard + " and " + k);
          }
        }
      }
      assertEquals(whole.size(), shardOfIndex.size(), "every entry in a shard");
    } finally {
      Files.delete(list);
    }
  }

  /** Dealing by index with N shards gives shard K the indexes K-1, K-1+N, …: balanced. */
  @Property(tries = 50)
  void byIndexShardsDifferInSizeByAtMostOne(@ForAll("lists") List<String> lines,
      @ForAll @IntRange(min = 1, max = 64) int count) throws IOException {
    Path list = Files.createTempFile("shards", ".txt");
    try {
      Files.write(list, lines);
      int total = read(Inputs.of(list.toString())).size();
      for (int k = 1; k <= count; k++) {
        List<UrlEntry> shard = read(Inputs.of(list.toString())
            .shard(new Shard(k, count, ShardBy.INDEX)));
        int expected = total / count + (k - 1 < total % count ? 1 : 0);
        assertEquals(expected, shard.size());
        for (UrlEntry entry : shard) {
          assertEquals(k - 1, entry.index() % count);
        }
      }
    } finally {
      Files.delete(list);
    }
  }

  private static List<UrlEntry> read(Inputs inputs) {
    List<UrlEntry> entries = new ArrayList<>();
    try (InputReader reader = inputs.open(InputStream.nullInputStream())) {
      reader.forEachRemaining(entries::add);
    }
    return entries;
  }
}
