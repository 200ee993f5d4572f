package dev.fetch.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.Checksum;
import dev.fetch.download.ErrorKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The list-line grammar {@code URL [KEY=VALUE]... [# comment]}, read through the real reader. */
class LineSettingsTest {
  private static final String SHA256 = "ab".repeat(32);
  private static final String SHA512 = "Cd".repeat(64);

  private static List<UrlEntry> read(String text) {
    List<UrlEntry> entries = new ArrayList<>();
    try (UrlListReader reader = new UrlListReader("list.txt",
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      reader.forEachRemaining(entries::add);
    }
    return entries;
  }

  private static UrlEntry only(String line) {
    List<UrlEntry> entries = read(line + "\n");
    assertEquals(1, entries.size(), entries::toString);
    return entries.get(0);
  }

  private static String problem(String line) {
    UrlEntry entry = only(line);
    assertFalse(entry.isValid(), entry::toString);
    assertEquals(ErrorKind.INVALID_URL, entry.toFailure().kind());
    assertTrue(entry.toFailure().message().startsWith("list.txt:1: "), entry::toString);
    return entry.problem();
  }

  @Test
  void aPlainLineHasNoSettings() {
    UrlEntry entry = only("http://a.test/x");
    assertEquals(LineSettings.NONE, entry.settings());
    assertNull(entry.checksum());
  }

  @Test
  void settingsFollowTheUrlSeparatedBySpacesOrTabs() {
    UrlEntry entry = only("  http://a.test/x \t out=pages/a.txt\tsha256=" + SHA256 + "   ");

    assertTrue(entry.isValid(), entry::toString);
    assertEquals(HttpUrl.get("http://a.test/x"), entry.url());
    assertEquals("http://a.test/x", entry.display());
    assertEquals(new LineSettings("pages/a.txt",
        new Checksum(Checksum.Algorithm.SHA256, SHA256)), entry.settings());
    assertEquals("sha256:" + SHA256, entry.checksum().toString());
    assertEquals(entry.checksum(), entry.toRequest().checksum(),
        "the checksum reaches the request");
  }

  @Test
  void sha512IsTakenInEitherCase() {
    UrlEntry entry = only("http://a.test/x sha512=" + SHA512);
    assertEquals("sha512:" + SHA512.toLowerCase(), entry.checksum().toString());
    assertNull(entry.settings().out());
  }

  @Test
  void aCommentMayEndTheLine() {
    UrlEntry entry = only("http://a.test/x#frag out=a.txt # the main page, out=b.txt");
    assertEquals("a.txt", entry.settings().out());
    assertEquals("frag", entry.url().fragment());
    assertEquals(LineSettings.NONE, only("http://a.test/x #just a comment").settings());
  }

  @Test
  void oldListsReadAsBefore() {
    List<UrlEntry> entries = read("# header\n\n   http://a.test/1   \r\n\t\n#http://b.test/\n"
        + "http://a.test/my file.txt\nhttp://a.test/x\ty\n");

    assertEquals(3, entries.size());
    assertEquals(LineSettings.NONE, entries.get(0).settings());
    assertEquals("contains a space: one URL per line; encode spaces in a URL as %20",
        entries.get(1).problem());
    assertEquals("contains a control character (U+0009)", entries.get(2).problem());
  }

  private static final String KNOWN = " (known: out=, sha256=, sha512=)";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://a.test/ out=                  | out=: empty file name",
      "http://a.test/ out=/etc/passwd       | out=: an absolute path; out= is relative to "
          + "--output-dir",
      "http://a.test/ out=../x              | out=: '..' is not allowed in a path",
      "http://a.test/ out=a/../../x         | out=: '..' is not allowed in a path",
      "http://a.test/ out=./x               | out=: '.' is not allowed in a path",
      "http://a.test/ out=a//b              | out=: an empty path segment ('//' or a trailing '/')",
      "http://a.test/ out=dir/              | out=: an empty path segment ('//' or a trailing '/')",
      "http://a.test/ out=a\\b              | out=: contains a backslash",
      "http://a.test/ out=d/.fetch-x.part   | out=: names starting with .fetch- or ending with "
          + ".fetch-part are fetch's own files",
      "http://a.test/ out=.a.FETCH-PART     | out=: names starting with .fetch- or ending with "
          + ".fetch-part are fetch's own files",
      "http://a.test/ out=a out=b           | out= is given twice",
      "http://a.test/ sha256=abc            | sha256= needs 64 hexadecimal digits",
      "http://a.test/ sha512=xyz            | sha512= needs 128 hexadecimal digits",
      "http://a.test/ name=x                | unknown setting 'name='" + KNOWN,
      "http://a.test/ OUT=x                 | unknown setting 'OUT='" + KNOWN,
      "http://a.test/ =x                    | a setting needs a name before '='" + KNOWN,
      "http://a.test/ out=a.txt bare        | " + ListLine.SPACE_PROBLEM,
      "ftp://a.test/ out=a.txt              | unsupported scheme 'ftp' (only http and https)",
  })
  void badSettingsMakeTheLineInvalid(String line, String expected) {
    assertEquals(expected, problem(line.strip()));
  }

  @Test
  void twoChecksumsOnOneLineAreRefused() {
    assertEquals("one checksum per line: sha512= after sha256=",
        problem("http://a.test/ sha256=" + SHA256 + " sha512=" + SHA512));
    assertEquals("one checksum per line: sha256= after sha256=",
        problem("http://a.test/ sha256=" + SHA256 + " sha256=" + SHA256));
  }

  @Test
  void controlCharactersInANameAreRefusedAndNeverShown() {
    UrlEntry entry = only("http://a.test/ out=a\u001b[31mb");

    assertEquals("out=: contains a control character (U+001B)", entry.problem());
    assertTrue(entry.display().chars().noneMatch(Character::isISOControl), entry::display);
    assertTrue(entry.toFailure().message().chars().noneMatch(Character::isISOControl));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u2028b", "a\u2029b", "a\u0085", "evil\u202Etxt.exe"})
  void otherUnsafeNamesAreRefused(String name) {
    assertTrue(problem("http://a.test/ out=" + name).startsWith("out=: "));
  }

  @Test
  void aNameLongerThanASegmentMayBeIsRefused() {
    assertEquals("out=: a name longer than 200 bytes",
        problem("http://a.test/ out=" + "x".repeat(201)));
    assertTrue(only("http://a.test/ out=" + "x".repeat(200)).isValid());
  }

  @Test
  void aHugeLineOfSettingsIsRefusedWithoutKeepingIt() {
    UrlEntry entry = only("http://a.test/ out=" + "x".repeat(100_000));
    assertEquals("<100019 bytes>", entry.display());
    assertTrue(entry.problem().startsWith("line too long"), entry::problem);
  }

  @Test
  void anUnknownKeyThatMayBeASecretIsNotQuoted() {
    UrlEntry entry = only("http://a.test/ alice:s3cret@host=1");

    assertEquals("unknown setting (known: out=, sha256=, sha512=)", entry.problem());
    assertFalse(entry.toFailure().message().contains("s3cret"));
    assertFalse(entry.display().contains("s3cret"), entry::display);
  }

  @Test
  void credentialsOfTheUrlAreNotShownWhenASettingIsBad() {
    UrlEntry entry = only("http://alice:s3cret@a.test/x out=../y");
    assertFalse(entry.display().contains("s3cret"), entry::display);
    assertFalse(entry.toFailure().message().contains("s3cret"));
  }

  @Test
  void aBadLineDoesNotSpoilTheNextOrItsIndex() {
    List<UrlEntry> entries = read("http://a.test/1 out=../x\nhttp://a.test/2 out=ok.txt\n");
    assertFalse(entries.get(0).isValid());
    assertTrue(entries.get(1).isValid());
    assertEquals(1, entries.get(1).index());
    assertEquals(2, entries.get(1).lineNumber());
  }

  @Test
  void invalidAsKeepsTheLineAndDropsTheTarget() {
    UrlEntry entry = only("http://a.test/x out=a.txt").withTarget("a.txt", null)
        .invalidAs("out=a.txt is already taken by list.txt:1");

    assertFalse(entry.isValid());
    assertNull(entry.path());
    assertEquals("list.txt:1: out=a.txt is already taken by list.txt:1",
        entry.toFailure().message());
    assertEquals("http://a.test/x", entry.toFailure().url());
  }
}
