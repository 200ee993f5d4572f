package dev.fetch.save;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamerTest {
  private final FileNamer namer = new FileNamer();
  private int nextIndex;

  private String name(String url) {
    return namer.nameFor(nextIndex++, HttpUrl.get(url));
  }

  @ParameterizedTest
  @CsvSource({
      "http://h.test/a/b/page.html,        page.html",
      "http://h.test/file.txt?x=1#frag,    file.txt",
      "http://h.test/a/dir/,               dir",
      "http://h.test/a/dir//,              dir",
      "http://h.test/caf%C3%A9.txt,        café.txt",
      "http://h.test/my%20file.txt,        my file.txt",
      "http://h.test/a\\b,                 b",
      "http://h.test/a/.,                  a",
      "http://h.test/a/b/..,               a",
  })
  void nameIsTheLastNonEmptySegmentDecoded(String url, String expected) {
    assertEquals(expected, name(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://h.test", "http://h.test/", "http://h.test/?q=1",
      "http://h.test//", "http://h.test/%20%20/"})
  void noPathGivesIndexHtml(String url) {
    assertEquals("index.html", name(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://h.test/a/%2E%2E", "http://h.test/%2e", "http://h.test/..",
      "http://h.test/.", "http://h.test/a/.%2e/", "http://h.test/a/%2E%2E%20",
      "http://h.test/%20.%20"})
  void dotSegmentsNeverBecomeDotNames(String url) {
    String name = name(url);
    assertNotEquals(".", name);
    assertNotEquals("..", name);
    assertEquals("index.html", name);
  }

  @ParameterizedTest
  @CsvSource({
      "http://h.test/a%2Fb,                          a_b",
      "http://h.test/..%2F..%2Fetc%2Fpasswd,         .._.._etc_passwd",
      "http://h.test/a%5Cb,                          a_b",
      "http://h.test/..%5C..%5Cwin.ini,              .._.._win.ini",
      "http://h.test/%2F,                            _",
  })
  void separatorsInsideASegmentBecomeUnderscores(String url, String expected) {
    String name = name(url);
    assertEquals(expected, name);
    assertFalse(name.contains("/") || name.contains("\\"), name);
  }

  @Test
  void controlCharactersBecomeUnderscores() {
    assertEquals("a_b_c_d_e_f_g.txt",
        name("http://h.test/a%00b%1Bc%0Ad%7Fe%C2%85f%E2%80%A8g.txt"));
  }

  @Test
  void namesOfFetchsOwnFilesAreNeverTaken() {
    assertEquals("_.fetch-w1-x.part", name("http://h.test/.fetch-w1-x.part"));
    assertEquals("_.FETCH-etags", name("http://h.test/a/.FETCH-etags"));
    assertEquals("_.x.fetch-part", name("http://h.test/.x.fetch-part"));
    assertEquals("h.test/_.fetch-d/_.fetch-f", FileNamer.hostPath(
        HttpUrl.get("http://h.test/.fetch-d/.fetch-f")));
    String longest = ".fetch-" + "x".repeat(FileNamer.MAX_NAME_BYTES - 7);
    assertEquals("_" + longest.substring(0, longest.length() - 1),
        name("http://h.test/" + longest), "still within the limit");
  }

  @Test
  void bidirectionalControlsBecomeUnderscores() {
    assertEquals("report_fdp.exe", name("http://h.test/report%E2%80%AEfdp.exe"));
    assertEquals("a_b_c", name("http://h.test/a%E2%81%A6b%E2%80%8Fc"));
  }

  @Test
  void longMultiByteNameIsCutWithoutSplittingACharacter() {
    String segment = "a" + "\u65e5".repeat(100); // 1 + 300 bytes
    String name = name("http://h.test/" + segment);

    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    assertEquals(199, bytes.length); // 1 + 66 * 3; a 67th character would make 202
    assertEquals("a" + "\u65e5".repeat(66), name);
    assertEquals(name, new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void longNameOfSurrogatePairsIsCutBetweenPairs() {
    String segment = "\uD83D\uDE00".repeat(75); // 300 bytes, 4 per emoji
    String name = name("http://h.test/" + segment);

    assertEquals("\uD83D\uDE00".repeat(50), name);
    assertEquals(200, name.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void nameOfExactlyTheLimitIsKept() {
    String segment = "x".repeat(FileNamer.MAX_NAME_BYTES);
    assertEquals(segment, name("http://h.test/" + segment));
  }

  @Test
  void collisionsGetNumberedBeforeTheExtension() {
    assertEquals("page.html", name("http://a.test/page.html"));
    assertEquals("page-1.html", name("http://b.test/page.html"));
    assertEquals("page-2.html", name("http://c.test/x/page.html"));
    assertEquals("data", name("http://a.test/data"));
    assertEquals("data-1", name("http://b.test/data/"));
    assertEquals("archive.tar.gz", name("http://a.test/archive.tar.gz"));
    assertEquals("archive.tar-1.gz", name("http://b.test/archive.tar.gz"));
    assertEquals(".hidden", name("http://a.test/.hidden"));
    assertEquals(".hidden-1", name("http://b.test/.hidden"));
    assertEquals("index.html", name("http://a.test/"));
    assertEquals("index-1.html", name("http://b.test/"));
  }

  @Test
  void suffixSkipsNamesTakenDirectly() {
    assertEquals("page.html", name("http://a.test/page.html"));
    assertEquals("page-1.html", name("http://a.test/page-1.html"));
    assertEquals("page-2.html", name("http://b.test/page.html"));
  }

  @Test
  void sameIndexAlwaysGetsTheSameName() {
    HttpUrl url = HttpUrl.get("http://a.test/page.html");
    assertEquals("page.html", namer.nameFor(3, url));
    assertEquals("page-1.html", namer.nameFor(4, url));
    assertEquals("page.html", namer.nameFor(3, url));
    assertEquals("page-1.html", namer.nameFor(4, url));
    assertEquals("page.html", namer.nameFor(3, HttpUrl.get("http://a.test/other.bin")));
  }

  @Test
  void namesNeverContainSeparatorsOrControls() {
    String[] urls = {"http://h.test/%2F%5C%00%2E%2E%2F", "http://h.test/%E2%80%A9",
        "http://h.test/%C2%9B[31m", "http://h.test/a%09b"};
    for (String url : urls) {
      String name = name(url);
      assertFalse(name.isEmpty(), url);
      assertTrue(name.codePoints().noneMatch(c -> c == '/' || c == '\\'
          || Character.isISOControl(c) || c == 0x2028 || c == 0x2029), url + " -> " + name);
    }
  }

  @Test
  void aNumberedNameStaysWithinTheLimit() {
    String full = "x".repeat(FileNamer.MAX_NAME_BYTES - 4) + ".bin";
    assertEquals(full, name("http://a.test/" + full));
    String second = name("http://b.test/" + full);

    assertEquals("x".repeat(FileNamer.MAX_NAME_BYTES - 6) + "-1.bin", second);
    assertTrue(FileNamer.isSafeSegment(second), "DirectorySink accepts it");
  }

  @ParameterizedTest
  @CsvSource({
      "http://h.test/a/b/page.html,            h.test/a/b/page.html",
      "http://h.test:8080/a/page.html,         h.test_8080/a/page.html",
      "https://h.test:443/page.html,           h.test/page.html",
      "http://h.test:443/page.html,            h.test_443/page.html",
      "http://h.test/dir/,                     h.test/dir/index.html",
      "http://h.test,                          h.test/index.html",
      "http://h.test/a//b/c,                   h.test/a/b/c",
      "http://h.test/p.php?id=1&x=%2F,         h.test/p.php?id=1&x=%2F",
      "http://h.test/dir/?q=a/b,               h.test/dir/index.html?q=a_b",
      "http://h.test/a%2Fb/c%00d#frag,         h.test/a_b/c_d",
      "http://alice:s3cret@H.TEST/x,           h.test/x",
      "http://[::1]:9/x,                       [::1]_9/x",
      "http://h.test/%2E%2E/%2e/x,             h.test/x",
      "http://h.test/%20/x,                    h.test/_/x",
      "http://b\u00fccher.test/x,             xn--bcher-kva.test/x",
  })
  void hostPathIsLikeWgetX(String url, String expected) {
    String path = FileNamer.hostPath(HttpUrl.get(url));
    assertEquals(expected, path);
    for (String segment : path.split("/", -1)) {
      assertTrue(FileNamer.isSafeSegment(segment), segment);
    }
  }

  @Test
  void claimsShareOneNamespaceInTheOrderAsked() {
    assertEquals(FileNamer.FREE, namer.claim("a.txt", 1));
    assertEquals("a-1.txt", namer.claimFree("a.txt", 2));
    assertEquals(1, namer.claim("a.txt", 3), "an explicit name held earlier is refused");
    assertEquals(2, namer.claim("a-1.txt", 3));
    assertEquals(FileNamer.FREE, namer.claim("a-2.txt", 3));
    assertEquals("a-3.txt", namer.claimFree("a.txt", 4));
  }

  @Test
  void pathsThatAreOneFileOnACaseInsensitiveSystemAreTwoNames() {
    assertEquals("Page.html", name("http://a.test/Page.html"));
    assertEquals("page-1.html", name("http://b.test/page.html"));
    assertEquals("caf\u00e9", name("http://a.test/caf%C3%A9"), "composed é");
    assertEquals("cafe\u0301-1", name("http://b.test/cafe%CC%81"), "e and a combining accent");
    assertEquals("H/x", namer.claimFree("H/x", 9));
    assertEquals(9, namer.claim("h/X", 10));
    assertEquals(9, namer.claim("h", 10), "a directory whatever its case");
  }

  @Test
  void aPathIsNeverBothAFileAndADirectory() {
    assertEquals("h/a", namer.claimFree("h/a", 1));
    assertEquals("h/a-1/b", namer.claimFree("h/a/b", 2), "a file holds h/a");
    assertEquals("h/a-1/b-1", namer.claimFree("h/a-1/b", 3));
    assertEquals("h/a-1-1", namer.claimFree("h/a-1", 4), "a directory holds h/a-1");
    assertEquals(1, namer.claim("h/a/c", 5), "below a file");
    assertEquals(2, namer.claim("h/a-1", 5), "a directory");
    assertEquals(1, namer.claim("h", 5), "the directory of the first file below it");
    assertEquals(FileNamer.FREE, namer.claim("h/c/d", 5));
  }
}
