package dev.fetch.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class UrlListReaderTest {

  private static List<UrlEntry> read(byte[] bytes) {
    List<UrlEntry> entries = new ArrayList<>();
    try (UrlListReader reader = new UrlListReader("list.txt", new ByteArrayInputStream(bytes))) {
      reader.forEachRemaining(entries::add);
    }
    return entries;
  }

  private static List<UrlEntry> read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static UrlEntry only(String text) {
    List<UrlEntry> entries = read(text);
    assertEquals(1, entries.size(), () -> "entries: " + entries);
    return entries.get(0);
  }

  private static void assertValid(UrlEntry entry, int index, int lineNumber, String url) {
    assertTrue(entry.isValid(), () -> "expected valid: " + entry);
    assertEquals(index, entry.index());
    assertEquals(lineNumber, entry.lineNumber());
    assertEquals("list.txt", entry.source());
    assertEquals(HttpUrl.get(url), entry.url());
    assertEquals(url, entry.display());
    assertNull(entry.problem());
  }

  private static void assertInvalid(
      UrlEntry entry, int index, int lineNumber, String display, String problem) {
    assertFalse(entry.isValid(), () -> "expected invalid: " + entry);
    assertEquals(index, entry.index());
    assertEquals(lineNumber, entry.lineNumber());
    assertEquals(display, entry.display());
    assertNull(entry.url());
    assertEquals(problem, entry.problem());
  }

  @Test
  void emptyInputYieldsNoEntries() {
    assertEquals(List.of(), read(new byte[0]));
  }

  @Test
  void onlyBlankLinesAndCommentsYieldNoEntries() {
    assertEquals(List.of(), read("\n   \n\t\n# a comment\n   # indented comment\n\r\n"));
  }

  @Test
  void skipsBlankLinesAndComments() {
    List<UrlEntry> entries = read("# header\n\nhttp://a.test/1\n  \n#http://skipped.test/\n"
        + "https://b.test/2\n");
    assertEquals(2, entries.size());
    assertValid(entries.get(0), 0, 3, "http://a.test/1");
    assertValid(entries.get(1), 1, 6, "https://b.test/2");
  }

  @Test
  void trimsSurroundingWhitespace() {
    assertValid(only("  \t http://a.test/x \t  \n"), 0, 1, "http://a.test/x");
  }

  @Test
  void handlesCrlfLineEndings() {
    List<UrlEntry> entries = read("http://a.test/1\r\n\r\n# c\r\nhttp://b.test/2\r\n");
    assertEquals(2, entries.size());
    assertValid(entries.get(0), 0, 1, "http://a.test/1");
    assertValid(entries.get(1), 1, 4, "http://b.test/2");
  }

  @Test
  void removesByteOrderMarkOnFirstLine() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] rest = "http://a.test/\nhttp://b.test/\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + rest.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(rest, 0, bytes, bom.length, rest.length);

    List<UrlEntry> entries = read(bytes);

    assertEquals(2, entries.size());
    assertValid(entries.get(0), 0, 1, "http://a.test/");
    assertValid(entries.get(1), 1, 2, "http://b.test/");
  }

  @Test
  void byteOrderMarkBeforeACommentStillMakesItAComment() {
    assertEquals(List.of(), read("\uFEFF# comment\n"));
  }

  @Test
  void indexCountsUrlLinesOnlyWhileLineNumberIsPhysical() {
    List<UrlEntry> entries = read("\n# one\nhttp://a.test/\n\nftp://b.test/\n# two\n\n"
        + "http://c.test/\n");
    assertEquals(3, entries.size());
    assertValid(entries.get(0), 0, 3, "http://a.test/");
    assertInvalid(entries.get(1), 1, 5, "ftp://b.test/",
        "unsupported scheme 'ftp' (only http and https)");
    assertValid(entries.get(2), 2, 8, "http://c.test/");
  }

  @Test
  void lastLineWithoutTrailingNewline() {
    List<UrlEntry> entries = read("http://a.test/\nhttp://b.test/");
    assertEquals(2, entries.size());
    assertValid(entries.get(1), 1, 2, "http://b.test/");
  }

  @Test
  void singleLineWithoutNewline() {
    assertValid(only("http://a.test/x"), 0, 1, "http://a.test/x");
  }

  @Test
  void rejectsFtpScheme() {
    assertInvalid(only("ftp://files.test/a.txt\n"), 0, 1, "ftp://files.test/a.txt",
        "unsupported scheme 'ftp' (only http and https)");
  }

  @Test
  void rejectsFileScheme() {
    assertInvalid(only("file:///etc/passwd\n"), 0, 1, "file:///etc/passwd",
        "unsupported scheme 'file' (only http and https)");
  }

  @Test
  void rejectsRelativePath() {
    assertInvalid(only("/images/cat.png\n"), 0, 1, "/images/cat.png",
        "not an absolute URL (expected http:// or https://)");
  }

  @Test
  void rejectsJunkText() {
    assertInvalid(only("hello-world\n"), 0, 1, "hello-world",
        "not an absolute URL (expected http:// or https://)");
  }

  @Test
  void rejectsSchemeWithoutSlashes() {
    assertInvalid(only("http:example.com\n"), 0, 1, "http:example.com",
        "not an absolute URL (expected http://host/...)");
  }

  @Test
  void rejectsSpaceInsideUrl() {
    assertInvalid(only("http://a.test/my file.txt\n"), 0, 1, "http://a.test/my file.txt",
        "contains a space: one URL per line; encode spaces in a URL as %20");
  }

  @Test
  void rejectsNulByte() {
    assertInvalid(only("http://a.test/x\u0000y\n"), 0, 1, "http://a.test/x\\u0000y",
        "contains a control character (U+0000)");
  }

  @Test
  void rejectsMalformedHost() {
    assertInvalid(only("http://exa mple/\n".replace(" ", "%")), 0, 1, "http://exa%mple/",
        "malformed URL (bad host or port?)");
  }

  @Test
  void rejectsLineOverUrlLimit() {
    String url = "http://a.test/" + "a".repeat(8192 - 14 + 1);
    assertEquals(8193, url.length());
    List<UrlEntry> entries = read(url + "\nhttp://b.test/\n");
    assertEquals(2, entries.size());
    assertInvalid(entries.get(0), 0, 1, url,
        "line too long (8193 characters; the limit is 8192)");
    assertValid(entries.get(1), 1, 2, "http://b.test/");
  }

  @Test
  void acceptsUrlAtExactLimit() {
    String url = "http://a.test/" + "a".repeat(8192 - 14);
    assertEquals(8192, url.length());
    assertValid(only(url + "\n"), 0, 1, url);
  }

  @Test
  void rejectsHundredKilobyteLineWithoutKeepingIt() {
    String huge = "http://a.test/" + "a".repeat(100 * 1024 - 14);
    List<UrlEntry> entries = read("# c\n" + huge + "\nhttp://b.test/\n");
    assertEquals(2, entries.size());
    assertInvalid(entries.get(0), 0, 2, "<102400 bytes>",
        "line too long (102400 bytes; the limit is 8192 characters)");
    assertValid(entries.get(1), 1, 3, "http://b.test/");
  }

  @Test
  void invalidUtf8SpoilsOnlyItsOwnLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("http://a.test/\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("http://b.test/caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9); // ISO-8859-1 é: not UTF-8
    bytes.writeBytes("\nhttp://c.test/caf\u00e9\n".getBytes(StandardCharsets.UTF_8));

    List<UrlEntry> entries = read(bytes.toByteArray());

    assertEquals(3, entries.size());
    assertValid(entries.get(0), 0, 1, "http://a.test/");
    assertInvalid(entries.get(1), 1, 2, "<invalid UTF-8>", "not valid UTF-8");
    assertTrue(entries.get(2).isValid());
    assertEquals(2, entries.get(2).index());
    assertEquals(3, entries.get(2).lineNumber());
    assertEquals(HttpUrl.get("http://c.test/caf%C3%A9"), entries.get(2).url());
  }

  @Test
  void credentialsNeverShownForValidLine() {
    UrlEntry entry = only("http://user:pw@host.test/x\n");
    assertTrue(entry.isValid());
    assertEquals("http://***@host.test/x", entry.display());
    assertEquals("pw", entry.url().password()); // the request still carries them
    assertEquals("http://***@host.test/x", entry.toRequest().displayUrl());
  }

  @Test
  void credentialsNeverShownForInvalidLines() {
    List<UrlEntry> entries = read(String.join("\n",
        "ftp://user:pw@host.test/x",
        "http://user:pw@host.test/x y",
        "http://user:pw@host.test/x\u0000",
        "http://user:pw@host.test:99999/x",
        "http://user:pw@host.test/" + "a".repeat(9000)) + "\n");

    assertEquals(5, entries.size());
    assertEquals("ftp://***@host.test/x", entries.get(0).display());
    assertEquals("http://***@host.test/x y", entries.get(1).display());
    assertEquals("http://***@host.test/x\\u0000", entries.get(2).display());
    assertEquals("http://***@host.test:99999/x", entries.get(3).display());
    assertEquals("malformed URL (bad host or port?)", entries.get(3).problem());
    for (UrlEntry entry : entries) {
      assertFalse(entry.isValid(), entry::toString);
      assertFalse(entry.display().contains("pw"), entry::display);
      assertFalse(entry.display().contains("user"), entry::display);
      DownloadResult.Failure failure = entry.toFailure();
      assertFalse(failure.url().contains("pw"), failure::url);
      assertFalse(failure.message().contains("pw"), failure::message);
    }
  }

  @Test
  void invalidEntryBecomesInvalidUrlFailure() {
    List<UrlEntry> entries = read("http://ok.test/\n\nnot a url\n");
    DownloadResult.Failure failure = entries.get(1).toFailure();

    assertEquals(1, failure.index());
    assertEquals("not a url", failure.url());
    assertEquals(ErrorKind.INVALID_URL, failure.kind());
    assertEquals(
        "list.txt:3: contains a space: one URL per line; encode spaces in a URL as %20",
        failure.message());
    assertNull(failure.status());
    assertEquals(0, failure.bytes());
    assertEquals(Duration.ZERO, failure.elapsed());
    assertEquals(0, failure.attempts());
    assertNull(failure.worker());
    assertNull(failure.retryAfter());
    assertEquals("list.txt:3", entries.get(1).location());
  }

  @Test
  void validEntryBecomesRequestAndInvalidDoesNot() {
    List<UrlEntry> entries = read("http://a.test/\nhttp://b.test/\njunk\n");
    assertEquals(1, entries.get(1).toRequest().index());
    assertEquals(HttpUrl.get("http://b.test/"), entries.get(1).toRequest().url());
    assertThrows(IllegalStateException.class, () -> entries.get(0).toFailure());
    assertThrows(IllegalStateException.class, () -> entries.get(2).toRequest());
  }

  @Test
  void nextAfterEndThrows() {
    UrlListReader reader = new UrlListReader("list.txt",
        new ByteArrayInputStream("http://a.test/\n".getBytes(StandardCharsets.UTF_8)));
    assertTrue(reader.hasNext());
    assertTrue(reader.hasNext()); // idempotent
    reader.next();
    assertFalse(reader.hasNext());
    assertThrows(NoSuchElementException.class, reader::next);
  }

  @Test
  void readFailureNamesTheSource() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk on fire");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw new IOException("disk on fire");
      }
    };
    UrlListReader reader = new UrlListReader("list.txt", broken);
    InputException e = assertThrows(InputException.class, reader::hasNext);
    assertEquals("cannot read list.txt: disk on fire", e.getMessage());
  }

  @Test
  void commentInAnotherEncodingIsStillAComment() {
    byte[] latin1 = "# caf\u00e9\nhttp://a.test/\n".getBytes(StandardCharsets.ISO_8859_1);
    List<UrlEntry> entries = read(latin1);
    assertEquals(1, entries.size(), () -> "entries: " + entries);
    assertValid(entries.get(0), 0, 2, "http://a.test/");
  }

  @Test
  void longCommentIsStillAComment() {
    List<UrlEntry> entries = read("# " + "x".repeat(100 * 1024) + "\nhttp://a.test/\n");
    assertEquals(1, entries.size(), () -> "entries: " + entries);
    assertValid(entries.get(0), 0, 2, "http://a.test/");
  }

  @Test
  void longBlankLineIsStillBlank() {
    List<UrlEntry> entries = read(" ".repeat(100 * 1024) + "\nhttp://a.test/\n");
    assertEquals(1, entries.size(), () -> "entries: " + entries);
    assertValid(entries.get(0), 0, 2, "http://a.test/");
  }

  @Test
  void credentialsNeverShownWhenSlashesAreMistyped() {
    List<UrlEntry> entries = read("http:/user:pw@host.test/x\nhttp:user:pw@host.test/x\n");
    assertEquals(2, entries.size());
    for (UrlEntry entry : entries) {
      assertFalse(entry.isValid(), entry::toString);
      assertFalse(entry.display().contains("pw"), entry::display);
    }
  }

  @Test
  void credentialsNeverShownWhateverTheMangling() {
    List<String> lines = List.of("//alice:pw@host.test/x", "http//alice:pw@host.test/",
        "http;//alice:pw@host.test/", "@alice:pw@host.test", "ftp://alice:pw@host.test/",
        "http://alice:p w@host.test/x y", "alice:pw@host.test/x", "http:\\\\alice:pw@host.test/",
        "http:alice:pw@host.test/", "see http://alice:pw@host.test/");
    List<String> shown = new ArrayList<>();
    for (UrlEntry entry : read(String.join("\n", lines) + "\n")) {
      assertFalse(entry.isValid(), entry::toString);
      shown.add(entry.display());
    }
    assertEquals(List.of("//***@host.test/x", "http//***@host.test/", "http;//***@host.test/",
        "***@host.test", "ftp://***@host.test/", "http://***@host.test/x y", "***@host.test/x",
        "http:\\\\***@host.test/", "***@host.test/", "***@host.test/"), shown);
  }

  @Test
  void aReasonNeverQuotesAUserNameTakenForAScheme() {
    assertInvalid(only("alice:pw@host.test/x\n"), 0, 1, "***@host.test/x",
        "not an absolute URL (expected http:// or https://)");
    assertInvalid(only("mailto:alice@host.test\n"), 0, 1, "***@host.test",
        "not an absolute URL (expected http:// or https://)");
  }

  @Test
  void controlCharactersOfAnInvalidLineAreShownEscaped() {
    UrlEntry entry = only("http://host.test/\u001b]0;pwned\u0007\n");
    assertFalse(entry.isValid());
    assertEquals("http://host.test/\\u001b]0;pwned\\u0007", entry.display());
    assertEquals(entry.display(), entry.toFailure().url());
  }
}
