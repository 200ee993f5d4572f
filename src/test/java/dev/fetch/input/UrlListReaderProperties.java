package dev.fetch.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.MangledCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the list reader over random input (jqwik): it never throws, never loses a line,
 * and reports every invalid line with its own line number.
 */
class UrlListReaderProperties {

  /** A line as raw bytes: URLs, junk, control characters, invalid UTF-8, long lines. */
  @Provide
  Arbitrary<byte[]> lines() {
    Arbitrary<byte[]> urls = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
        .ofMaxLength(20).map(s -> ("http://" + s + ".test/" + s).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(60)
        .map(s -> s.replace("\n", "").getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
        .map(b -> strip(b));
    Arbitrary<byte[]> comments = text.map(t -> concat("# ".getBytes(StandardCharsets.UTF_8), t));
    Arbitrary<byte[]> longLines = Arbitraries.integers().between(8_000, 40_000)
        .map(n -> ("http://x.test/" + "a".repeat(n)).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, urls), net.jqwik.api.Tuple.of(3, text),
        net.jqwik.api.Tuple.of(3, bytes), net.jqwik.api.Tuple.of(1, comments),
        net.jqwik.api.Tuple.of(1, longLines));
  }

  @Provide
  Arbitrary<List<byte[]>> lists() {
    return lines().list().ofMaxSize(50);
  }

  private static byte[] strip(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte x : b) {
      if (x != '\n') {
        out.write(x);
      }
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Property(tries = 300)
  void neverThrowsNeverLosesALineAndNumbersEveryInvalidOne(
      @ForAll("lists") List<byte[]> lines, @ForAll boolean crlf, @ForAll boolean finalNewline) {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      input.writeBytes(lines.get(i));
      if (i < lines.size() - 1 || finalNewline) {
        input.writeBytes(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
      }
    }
    List<UrlEntry> entries = new ArrayList<>();
    try (UrlListReader reader = new UrlListReader("list.txt",
        new ByteArrayInputStream(input.toByteArray()))) {
      reader.forEachRemaining(entries::add);
    }

    int expected = 0;
    for (byte[] line : lines) {
      if (!skipped(line)) {
        expected++;
      }
    }
    assertEquals(expected, entries.size(), "one entry per line that is not blank or a comment");
    int lastLine = 0;
    for (int i = 0; i < entries.size(); i++) {
      UrlEntry entry = entries.get(i);
      assertEquals(i, entry.index(), "indexes count the entries");
      assertTrue(entry.lineNumber() > lastLine && entry.lineNumber() <= lines.size(),
          "line numbers rise and stay in the list: " + entry);
      lastLine = entry.lineNumber();
      assertFalse(skipped(lines.get(entry.lineNumber() - 1)), "an entry is a real line");
      assertNotNull(entry.display());
      assertTrue(entry.display().chars().noneMatch(Character::isISOControl),
          "no raw control character is ever shown: " + entry);
      if (!entry.isValid()) {
        assertTrue(entry.toFailure().message().startsWith("list.txt:" + entry.lineNumber()
            + ": "), entry.toFailure().message());
      }
    }
  }

  @Provide
  Arbitrary<String> mangledLines() {
    return MangledCredentials.lines();
  }

  @Property(tries = 1000)
  void credentialsAreNeverShownHoweverTheLineIsMangled(@ForAll("mangledLines") String line) {
    List<UrlEntry> entries = new ArrayList<>();
    try (UrlListReader reader = new UrlListReader("list.txt",
        new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)))) {
      reader.forEachRemaining(entries::add);
    }
    assertEquals(1, entries.size(), line);
    UrlEntry entry = entries.get(0);
    String shown = entry.isValid() ? entry.toRequest().displayUrl() : entry.toFailure().url()
        + " " + entry.toFailure().message();
    for (String text : List.of(entry.display(), shown)) {
      assertFalse(MangledCredentials.leaks(text), line + " shown as " + text);
      assertTrue(text.chars().noneMatch(Character::isISOControl), line + " shown as " + text);
    }
  }

  /** What the reader is meant to skip: blank lines and comments, as it decodes them. */
  private static boolean skipped(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8).strip();
    boolean blank = true;
    for (byte b : line) {
      blank &= b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0b;
    }
    return blank || text.isEmpty() && line.length <= 4 * 8192 || text.startsWith("#");
  }
}
