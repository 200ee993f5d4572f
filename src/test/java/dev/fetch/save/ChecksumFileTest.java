package dev.fetch.save;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksumFileTest {
  private static final String A = "0123456789abcdef".repeat(4);
  private static final String B = "fedcba9876543210".repeat(8);

  @TempDir Path dir;

  private static ChecksumFile parse(String text) throws IOException {
    return ChecksumFile.parse("SUMS", new StringReader(text));
  }

  private static String digest(ChecksumFile file, String path) {
    ChecksumFile.Listed listed = file.get(path);
    return listed == null ? null : listed.checksum() + " @" + listed.line();
  }

  @Test
  void readsTextAndBinaryModeLinesOfBothAlgorithms() throws IOException {
    ChecksumFile file = parse(A + "  a.txt\n" + B.toUpperCase() + " *dir/b.bin\n"
        + A + "  name with  spaces \n");

    assertEquals("sha256:" + A + " @1", digest(file, "a.txt"));
    assertEquals("sha512:" + B + " @2", digest(file, "dir/b.bin"));
    assertEquals("sha256:" + A + " @3", digest(file, "name with  spaces "));
    assertEquals(3, file.size());
  }

  @Test
  void readsTheBsdTagForm() throws IOException {
    ChecksumFile file = parse("SHA256 (a.txt) = " + A + "\nSHA512 (b (1).bin) = " + B + "\n");

    assertEquals("sha256:" + A + " @1", digest(file, "a.txt"));
    assertEquals("sha512:" + B + " @2", digest(file, "b (1).bin"));
  }

  @Test
  void readsGnuEscapedNames() throws IOException {
    ChecksumFile file = parse("\\" + A + "  back\\\\slash\\nnew\\rline\n"
        + "\\SHA256 (tag\\\\ged) = " + A + "\n");

    assertEquals("sha256:" + A + " @1", digest(file, "back\\slash\nnew\rline"));
    assertEquals("sha256:" + A + " @2", digest(file, "tag\\ged"));
  }

  @Test
  void ignoresBlankLinesCommentsCarriageReturnsAndDotSlash() throws IOException {
    ChecksumFile file = parse("# made by sha256sum\r\n\r\n" + A + "  ./a.txt\r\n"
        + A + "  ././b.txt");

    assertEquals("sha256:" + A + " @3", digest(file, "a.txt"));
    assertEquals("sha256:" + A + " @4", digest(file, "b.txt"), "no final newline");
    assertNull(file.get("./a.txt"));
  }

  @Test
  void theSameNameTwiceWithTheSameDigestIsFine() throws IOException {
    assertEquals("sha256:" + A + " @1", digest(parse(A + "  a\n" + A + " *./a\n"), "a"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "d41d8cd98f00b204e9800998ecf8427e  a.txt | SUMS:1: a digest of 32 hexadecimal digits "
          + "(sha256 has 64, sha512 128; other digests are not supported)",
      "MD5 (a.txt) = d41d8cd98f00b204e9800998ecf8427e | SUMS:1: unsupported digest (only SHA256 "
          + "and SHA512)",
      "SHA256 (a.txt) = abc | SUMS:1: a sha256 digest needs 64 hexadecimal digits",
      "a.txt | SUMS:1: not a checksum line (expected 'HEX  NAME' or 'SHA256 (NAME) = HEX')",
      "zz  a.txt | SUMS:1: not a checksum line (expected 'HEX  NAME' or 'SHA256 (NAME) = HEX')",
  })
  void malformedLinesAreNamedByLine(String line, String expected) {
    ChecksumFile.MalformedException e = assertThrows(ChecksumFile.MalformedException.class,
        () -> parse(line.strip() + "\n"));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void malformedLinesFurtherDown() {
    assertEquals("SUMS:3: the same file as line 1, with another digest",
        assertThrows(ChecksumFile.MalformedException.class, () -> parse(A + "  a\n\n"
            + "f" + A.substring(1) + "  a\n")).getMessage());
    assertEquals("SUMS:2: no file name", assertThrows(ChecksumFile.MalformedException.class,
        () -> parse(A + "  a\n" + A + "  ./\n")).getMessage());
    assertEquals("SUMS:1: a backslash in the name that is not \\\\, \\n or \\r",
        assertThrows(ChecksumFile.MalformedException.class,
            () -> parse("\\" + A + "  a\\tb\n")).getMessage());
  }

  @Test
  void aMessageNeverQuotesTheLine() {
    ChecksumFile.MalformedException e = assertThrows(ChecksumFile.MalformedException.class,
        () -> parse("s3cret\u001b[31m\n"));
    assertFalse(e.getMessage().contains("s3cret"));
    assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl));
  }

  @Test
  void aHugeLineIsRefusedWithoutReadingItAll() {
    assertEquals("SUMS:2: line longer than 65536 characters",
        assertThrows(ChecksumFile.MalformedException.class,
            () -> parse(A + "  a\n" + "x".repeat(1 << 20))).getMessage());
  }

  @Test
  void readsWhatSha256sumWrites() throws Exception {
    Files.writeString(dir.resolve("a b.txt"), "hello\n");
    Files.writeString(dir.resolve("c\\d.txt"), "other\n");
    Process process = new ProcessBuilder("sh", "-c",
        "sha256sum 'a b.txt' 'c\\d.txt' > SUMS && sha512sum --tag 'a b.txt' >> SUMS")
        .directory(dir.toFile()).inheritIO().start();
    org.junit.jupiter.api.Assumptions.assumeTrue(process.waitFor(30, TimeUnit.SECONDS)
        && process.exitValue() == 0, "sha256sum is not installed");

    ChecksumFile file = ChecksumFile.read(dir.resolve("SUMS"), "SUMS");

    assertEquals("sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03 @1",
        digest(file, "a b.txt"), "the sha512 line after it agrees, unchecked: the first wins");
    assertEquals("sha256:7e4fa2eb8c7ac089739d5defc4489fad68a100d92082ca35c6b40a4524821f87 @2",
        digest(file, "c\\d.txt"), "GNU escaped the backslash");
  }
}
