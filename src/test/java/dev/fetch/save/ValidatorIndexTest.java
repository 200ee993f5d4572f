package dev.fetch.save;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fetch.download.Checksum;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.Validators;
import dev.fetch.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator index on real files, and checksums of discarded bodies. */
class ValidatorIndexTest {
  @TempDir Path dir;

  @Test
  void theLastLineForAPathCountsAndTheIndexIsCompactedToOneLineEach() throws Exception {
    ValidatorIndex.append(dir, "a", new Validators("\"1\"", null), false);
    ValidatorIndex.append(dir, "b", new Validators(null, "Sun, 06 Nov 1994 08:49:37 GMT"), true);
    ValidatorIndex.append(dir, "a", new Validators("\"2\"", null), true);

    ValidatorIndex index = ValidatorIndex.load(dir);

    assertEquals(new Validators("\"2\"", null), index.lookup("a"));
    assertEquals(new Validators(null, "Sun, 06 Nov 1994 08:49:37 GMT"), index.lookup("b"));
    assertEquals(Validators.NONE, index.lookup("c"));
    assertEquals(List.of(
        "{\"path\":\"b\",\"etag\":null,\"last_modified\":\"Sun, 06 Nov 1994 08:49:37 GMT\","
            + "\"state\":\"complete\"}",
        "{\"path\":\"a\",\"etag\":\"\\\"2\\\"\",\"last_modified\":null,\"state\":\"complete\"}"),
        Files.readAllLines(dir.resolve(ValidatorIndex.NAME)));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  @Test
  void unreadableLinesAreSkippedAndNoIndexIsAnEmptyOne() throws Exception {
    assertEquals(Validators.NONE, ValidatorIndex.load(dir).lookup("a"));
    Files.writeString(dir.resolve(ValidatorIndex.NAME), "not json\n{\"path\":7}\n[]\n"
        + "{\"path\":\"a\",\"etag\":\"\\\"1\\\"\"}\n{\"path\":\"a\",\"etag\":\"\\\"2",
        StandardCharsets.UTF_8);

    assertEquals(new Validators("\"1\"", null), ValidatorIndex.load(dir).lookup("a"));
    assertEquals(1, Files.readAllLines(dir.resolve(ValidatorIndex.NAME)).size());
  }

  @Test
  void linesAppendedAtOnceByManyWritersAreAllWholeLines() throws Exception {
    int writers = 8;
    int each = 200;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < each; i++) {
            ValidatorIndex.append(dir, writer + "/" + i,
                new Validators("\"" + "x".repeat(i % 50) + "\"", null), true);
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    ValidatorIndex index = ValidatorIndex.load(dir);
    for (int w = 0; w < writers; w++) {
      for (int i = 0; i < each; i++) {
        assertEquals("\"" + "x".repeat(i % 50) + "\"", index.lookup(w + "/" + i).etag());
      }
    }
    assertEquals(writers * each, Files.readAllLines(dir.resolve(ValidatorIndex.NAME)).size());
  }

  @Test
  void aDiscardedBodyIsStillChecked() throws Exception {
    Buffer body = TestSite.body(1000);
    byte[] bytes = body.clone().readByteArray();
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    DownloadRequest request = new DownloadRequest(0, HttpUrl.get("http://127.0.0.1/x"))
        .withChecksum(new Checksum(Checksum.Algorithm.SHA512, hex));

    assertEquals(1000, DiscardingSink.INSTANCE.drain(request, body.clone()));

    Buffer changed = new Buffer().write(bytes, 0, 999).writeByte('!');
    ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
        () -> DiscardingSink.INSTANCE.drain(request, changed));
    assertEquals("sha512 mismatch: expected " + hex + ", got ",
        e.getMessage().substring(0, e.getMessage().lastIndexOf(' ') + 1));
    assertInstanceOf(java.io.IOException.class, e);
  }

  @Test
  void aKeptPartialSitsBesideItsFinalName() {
    assertArrayEquals(new Object[] {dir.resolve("sub/.a.iso.fetch-part")},
        new Object[] {DirectorySink.partOf(dir.resolve("sub/a.iso"))});
  }
}
