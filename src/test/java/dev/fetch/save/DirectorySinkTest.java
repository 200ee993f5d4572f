package dev.fetch.save;

import dev.fetch.download.DownloadRequest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySinkTest {
  @TempDir Path tmp;

  private static DownloadRequest request(int index, String url) {
    return new DownloadRequest(index, HttpUrl.get(url));
  }

  private static BufferedSource body(String text) {
    return new Buffer().writeUtf8(text);
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Hands out {@code good} bytes of its delegate, then fails as a dropped connection would. */
  static final class FailingSource extends ForwardingSource {
    private long left;

    FailingSource(Source delegate, long good) {
      super(delegate);
      this.left = good;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (left == 0) {
        throw new IOException("connection reset");
      }
      long read = super.read(sink, Math.min(byteCount, left));
      if (read > 0) {
        left -= read;
      }
      return read;
    }
  }

  @Test
  void drainWritesTheFileUnderItsFinalName() throws IOException {
    Path out = tmp.resolve("out");
    DirectorySink sink = DirectorySink.open(out);

    long bytes = sink.drain(request(0, "http://a.test/files/hello.txt?x=1"), body("hello\n"));

    assertEquals(6, bytes);
    assertEquals(List.of("hello.txt"), list(out));
    assertEquals("hello\n", Files.readString(out.resolve("hello.txt")));
  }

  @Test
  void drainCopiesALargeBodyExactly() throws IOException {
    byte[] data = new byte[300_000];
    new Random(42).nextBytes(data);
    DirectorySink sink = DirectorySink.open(tmp);

    long bytes = sink.drain(request(0, "http://a.test/blob.bin"), new Buffer().write(data));

    assertEquals(data.length, bytes);
    assertArrayEquals(data, Files.readAllBytes(tmp.resolve("blob.bin")));
    assertEquals(List.of("blob.bin"), list(tmp));
  }

  @Test
  void emptyBodyMakesAnEmptyFile() throws IOException {
    DirectorySink sink = DirectorySink.open(tmp);

    assertEquals(0, sink.drain(request(0, "http://a.test/empty"), new Buffer()));

    assertEquals(0, Files.size(tmp.resolve("empty")));
    assertEquals(List.of("empty"), list(tmp));
  }

  @Test
  void failedReadLeavesNoFileAtAll() throws IOException {
    byte[] data = new byte[200_000];
    new Random(7).nextBytes(data);
    DirectorySink sink = DirectorySink.open(tmp);
    BufferedSource broken = Okio.buffer(new FailingSource(new Buffer().write(data), 100_000));

    IOException e = assertThrows(IOException.class,
        () -> sink.drain(request(0, "http://a.test/big.iso"), broken));

    assertFalse(e instanceof StorageException, "a network failure, not a storage one: " + e);
    assertEquals("connection reset", e.getMessage());
    assertEquals(List.of(), list(tmp));
  }

  @Test
  void failedReadKeepsAnEarlierCompleteFile() throws IOException {
    DirectorySink sink = DirectorySink.open(tmp);
    DownloadRequest request = request(0, "http://a.test/page.html");
    sink.drain(request, body("first, complete"));

    BufferedSource broken = Okio.buffer(new FailingSource(body("second, cut"), 3));
    assertThrows(IOException.class, () -> sink.drain(request, broken));

    assertEquals(List.of("page.html"), list(tmp));
    assertEquals("first, complete", Files.readString(tmp.resolve("page.html")));
  }

  @Test
  void retryOfTheSameRequestOverwritesItsFile() throws IOException {
    DirectorySink sink = DirectorySink.open(tmp);
    DownloadRequest request = request(0, "http://a.test/page.html");

    sink.drain(request, body("attempt 1"));
    sink.drain(request, body("attempt 2"));

    assertEquals(List.of("page.html"), list(tmp));
    assertEquals("attempt 2", Files.readString(tmp.resolve("page.html")));
  }

  @Test
  void symlinkAtTheTargetIsReplacedNotFollowed() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path secret = Files.writeString(outside.resolve("secret.txt"), "keep me");
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path link = Files.createSymbolicLink(out.resolve("page.html"), secret);
    DirectorySink sink = DirectorySink.open(out);

    sink.drain(request(0, "http://a.test/page.html"), body("downloaded"));

    assertFalse(Files.isSymbolicLink(link));
    assertTrue(Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS));
    assertEquals("downloaded", Files.readString(link));
    assertEquals("keep me", Files.readString(secret));
    assertEquals(List.of("page.html"), list(out));
  }

  @Test
  void danglingSymlinkAtTheTargetIsReplaced() throws IOException {
    Path target = tmp.resolve("nowhere.txt");
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path link = Files.createSymbolicLink(out.resolve("page.html"), target);
    DirectorySink sink = DirectorySink.open(out);

    sink.drain(request(0, "http://a.test/page.html"), body("downloaded"));

    assertTrue(Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS));
    assertEquals("downloaded", Files.readString(link));
    assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void sameLastSegmentGetsTwoFiles() throws IOException {
    DirectorySink sink = DirectorySink.open(tmp);

    sink.drain(request(0, "http://a.test/x/data.json"), body("{\"from\":\"a\"}"));
    sink.drain(request(1, "http://b.test/y/data.json"), body("{\"from\":\"b\"}"));

    assertEquals(List.of("data-1.json", "data.json"), list(tmp));
    assertEquals("{\"from\":\"a\"}", Files.readString(tmp.resolve("data.json")));
    assertEquals("{\"from\":\"b\"}", Files.readString(tmp.resolve("data-1.json")));
  }

  @Test
  void hostileNamesStayInsideTheDirectory() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    DirectorySink sink = DirectorySink.open(out);

    sink.drain(request(0, "http://a.test/..%2F..%2Fescaped"), body("a"));
    sink.drain(request(1, "http://a.test/a/%2E%2E"), body("b"));

    assertEquals(List.of(".._.._escaped", "index.html"), list(out));
    assertEquals(List.of("out"), list(tmp));
  }

  @Test
  void openCreatesMissingParents() throws IOException {
    Path out = tmp.resolve("a").resolve("b").resolve("c");

    DirectorySink sink = DirectorySink.open(out);

    assertTrue(Files.isDirectory(out));
    assertEquals(List.of(), list(out));
    sink.drain(request(0, "http://a.test/f"), body("x"));
    assertEquals("x", Files.readString(out.resolve("f")));
  }

  @Test
  void openOnARegularFileNamesThePath() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "content");

    IOException e = assertThrows(IOException.class, () -> DirectorySink.open(file));

    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertEquals("content", Files.readString(file));
  }

  @Test
  void openUnderARegularFileNamesThePath() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "content");
    Path below = file.resolve("sub");

    IOException e = assertThrows(IOException.class, () -> DirectorySink.open(below));

    assertTrue(e.getMessage().contains(below.toString()), e.getMessage());
  }

  @Test
  void cleanUpWithNothingInProgressIsHarmless() throws IOException {
    DirectorySink sink = DirectorySink.open(tmp);
    sink.drain(request(0, "http://a.test/kept"), body("x"));

    sink.cleanUp();
    sink.cleanUp();

    assertEquals(List.of("kept"), list(tmp));
  }

  @Test
  void writesExactBytesOfNonAsciiText() throws IOException {
    DirectorySink sink = DirectorySink.open(tmp);
    String text = "caf\u00e9 \u65e5\u672c \uD83D\uDE00\n";

    long bytes = sink.drain(request(0, "http://a.test/caf%C3%A9.txt"), body(text));

    assertEquals(text.getBytes(StandardCharsets.UTF_8).length, bytes);
    assertEquals(text, Files.readString(tmp.resolve("caf\u00e9.txt")));
  }
}
