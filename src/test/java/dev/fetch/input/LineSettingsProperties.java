package dev.fetch.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.save.FileNamer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever follows {@code out=}, a line is either refused or names a path inside the directory. */
class LineSettingsProperties {
  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("ab./\\ \t=#:%\u0000\u001b\u0085\u2028\u00a0\u65e5")
        .ofMaxLength(24);
  }

  @Property(tries = 2000)
  void anOutNameIsRefusedOrStaysInsideTheDirectory(@ForAll("names") String name) {
    String line = "http://a.test/x out=" + name;
    List<UrlEntry> entries = new ArrayList<>();
    try (UrlListReader reader = new UrlListReader("list.txt",
        new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)))) {
      reader.forEachRemaining(entries::add);
    }

    assertEquals(1, entries.size(), line);
    UrlEntry entry = entries.get(0);
    if (!entry.isValid()) {
      assertTrue(entry.toFailure().message().startsWith("list.txt:1: "), line);
      assertTrue(entry.toFailure().message().chars().noneMatch(Character::isISOControl), line);
      return;
    }
    String out = entry.settings().out();
    if (out == null) {
      return; // a comment or nothing after the URL
    }
    for (String segment : out.split("/", -1)) {
      assertTrue(FileNamer.isSafeSegment(segment), () -> line + " -> " + out);
    }
    Path dir = Path.of("/out");
    assertTrue(dir.resolve(out).normalize().startsWith(dir), out);
    assertNotNull(entry.url());
  }
}
