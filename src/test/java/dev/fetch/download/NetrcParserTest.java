package dev.fetch.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetrcParserTest {
  @TempDir Path dir;

  /** A file as people write them for curl: one-line and multi-line entries, macdef, default. */
  private static final String CURL_STYLE = String.join("\n",
      "# credentials for the build",
      "machine api.example.com login alice password s3cret",
      "",
      "machine files.example.com",
      "  login bob",
      "  password \"two words \\\"quoted\\\" \\\\ end\"",
      "  account ignored",
      "",
      "macdef init",
      "cd /pub",
      "machine evil.example.com login mallory password inside-a-macro",
      "",
      "default login anonymous password guest@",
      "");

  @Test
  void readsMachinesQuotedPasswordsAndTheDefault() {
    Netrc netrc = NetrcParser.parse(CURL_STYLE, "netrc");

    assertEquals(List.of(new Netrc.Entry("api.example.com", "alice", "s3cret"),
        new Netrc.Entry("files.example.com", "bob", "two words \"quoted\" \\ end"),
        new Netrc.Entry(null, "anonymous", "guest@")), netrc.entries());
  }

  @Test
  void looksUpTheHostThenTheDefaultAsCurlDoes() {
    Netrc netrc = NetrcParser.parse(CURL_STYLE, "netrc");

    assertEquals(new Netrc.Credentials("alice", "s3cret"), netrc.lookup("API.example.com", ""));
    assertEquals(new Netrc.Credentials("anonymous", "guest@"),
        netrc.lookup("other.example.com", ""));
    assertEquals(new Netrc.Credentials("alice", "s3cret"),
        netrc.lookup("api.example.com", "alice"), "the URL's user picks the entry");
    assertNull(netrc.lookup("api.example.com", "carol"), "no entry for that user");
    assertNull(netrc.lookup("evil.example.com", "mallory"), "macro bodies are skipped");
  }

  @Test
  void withoutADefaultAnUnknownHostHasNoCredentials() {
    Netrc netrc = NetrcParser.parse("machine a.test login u password p", "netrc");

    assertNull(netrc.lookup("b.test", ""));
  }

  @Test
  void aPasswordMayStartWithAHashAndCommentsFollowEntries() {
    Netrc netrc = NetrcParser.parse("machine a.test login u password #p # a comment\n"
        + "  # another\nmachine b.test password x", "netrc");

    assertEquals(new Netrc.Credentials("u", "#p"), netrc.lookup("a.test", ""));
    assertEquals(new Netrc.Credentials("", "x"), netrc.lookup("b.test", ""));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "machine a login u pasword s3cret|netrc:1: unexpected word",
      "login u password s3cret|netrc:1: login before any machine or default",
      "machine a\\nlogin u\\npassword|netrc:3: password has no value",
      "machine a login u password \"s3cret|netrc:1: a quoted word has no closing quote",
      "machine a password x password s3cret|netrc:1: a second password in one entry",
      "machine|netrc:1: machine has no value"})
  void malformedFilesNameTheLineAndNeverTheSecret(String text, String reason) {
    MalformedFileException e = assertThrows(MalformedFileException.class,
        () -> NetrcParser.parse(text.replace("\\n", "\n"), "netrc"));

    assertTrue(e.getMessage().startsWith(reason), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void aMissingFileIsReportedAsMissing() {
    assertThrows(NoSuchFileException.class,
        () -> NetrcParser.read(dir.resolve("none"), "none"));
  }

  @Test
  void aDeviceOrDirectoryIsRefusedBeforeReadingForever() {
    MalformedFileException device = assertThrows(MalformedFileException.class,
        () -> NetrcParser.read(Path.of("/dev/zero"), "/dev/zero"));
    assertEquals("/dev/zero: not a regular file", device.getMessage());

    MalformedFileException directory = assertThrows(MalformedFileException.class,
        () -> NetrcParser.read(dir, "d"));
    assertEquals("d: is a directory", directory.getMessage());
  }

  @Test
  void bytesThatAreNotUtf8NameTheirLine() throws IOException {
    Path file = dir.resolve("netrc");
    Files.write(file, new byte[] {'m', 'a', 'c', 'h', 'i', 'n', 'e', ' ', 'a', '\n', (byte) 0xff,
        '\n'});

    MalformedFileException e = assertThrows(MalformedFileException.class,
        () -> NetrcParser.read(file, "netrc"));
    assertEquals("netrc:2: not UTF-8 text", e.getMessage());
  }

  @Test
  void passwordsNeverShowInToString() {
    Netrc netrc = NetrcParser.parse(CURL_STYLE, "netrc");

    assertFalse(netrc.toString().contains("s3cret"), netrc.toString());
    assertFalse(netrc.lookup("api.example.com", "").toString().contains("s3cret"));
  }
}
