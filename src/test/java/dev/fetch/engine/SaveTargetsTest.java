package dev.fetch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Outcome;
import dev.fetch.download.SaveSettings;
import dev.fetch.input.UrlEntry;
import dev.fetch.input.UrlListReader;
import dev.fetch.save.ChecksumFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveTargetsTest {
  private static final String A = "ab".repeat(32);
  private static final String B = "cd".repeat(32);

  @TempDir Path dir;

  /** The entries of {@code source}, read by the real reader, numbered from {@code first}. */
  private static List<UrlEntry> read(String source, int first, String... lines) {
    List<UrlEntry> entries = new ArrayList<>();
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    try (UrlListReader reader = new UrlListReader(source, new ByteArrayInputStream(bytes),
        first)) {
      reader.forEachRemaining(entries::add);
    }
    return entries;
  }

  private SaveTargets targets(SaveSettings save, String sums) throws IOException {
    Path file = dir.resolve("SUMS");
    Files.writeString(file, sums);
    return new SaveTargets(dir, save, ChecksumFile.read(file, "SUMS"));
  }

  @Test
  void theChecksumFileDigestOfThePathReachesTheRequest() throws IOException {
    SaveTargets targets = targets(SaveSettings.DEFAULT, A + "  a.txt\n" + B + " *./sub/b\n");
    List<UrlEntry> entries = read("list.txt", 0, "http://h.test/a.txt", "http://h.test/x/b",
        "http://h.test/y out=sub/b", "http://h.test/a.txt");

    List<DownloadRequest> requests = new ArrayList<>();
    entries.forEach(entry -> requests.add(targets.apply(entry).toRequest()));

    assertEquals("a.txt sha256:" + A, describe(requests.get(0)));
    assertEquals("b null", describe(requests.get(1)));
    assertEquals("sub/b sha256:" + B, describe(requests.get(2)));
    assertEquals("a-1.txt null", describe(requests.get(3)), "another name: unchecked");
  }

  private static String describe(DownloadRequest request) {
    return request.path() + " " + request.checksum();
  }

  @Test
  void aLineDigestThatAgreesWithTheFileIsKeptOneThatDisagreesFailsTheLine() throws IOException {
    SaveTargets targets = targets(SaveSettings.DEFAULT, "\n" + A + "  a.txt\n" + A + "  b.txt\n");
    List<UrlEntry> entries = read("list.txt", 0, "http://h.test/a.txt sha256=" + A.toUpperCase(),
        "http://h.test/b.txt sha256=" + B, "http://h.test/c.txt sha256=" + B);

    assertEquals("sha256:" + A, targets.apply(entries.get(0)).checksum().toString());
    UrlEntry conflict = targets.apply(entries.get(1));
    assertFalse(conflict.isValid());
    assertEquals("list.txt:2: sha256= differs from the digest of b.txt in --checksum-file SUMS:3",
        conflict.toFailure().message());
    assertEquals("sha256:" + B, targets.apply(entries.get(2)).checksum().toString(),
        "a line digest holds alone");
  }

  @Test
  void anOutNameTakenEarlierFailsItsLineNamingTheHolderInItsOwnInput() throws IOException {
    SaveTargets targets = targets(SaveSettings.DEFAULT, "");
    List<UrlEntry> entries = new ArrayList<>(read("one.txt", 0, "http://h.test/page",
        "http://h.test/x out=keep/me"));
    entries.addAll(read("two.txt", 2, "http://h.test/y out=page", "http://h.test/z out=keep",
        "http://h.test/w out=keep/me/too", "http://h.test/v out=page-1"));

    List<String> shown = new ArrayList<>();
    for (UrlEntry entry : entries) {
      UrlEntry target = targets.apply(entry);
      shown.add(target.isValid() ? target.path() : target.toFailure().message());
    }

    assertEquals(List.of("page", "keep/me",
        "two.txt:1: out=page is already taken by one.txt:1",
        "two.txt:2: out=keep is already taken by one.txt:2",
        "two.txt:3: out=keep/me/too is already taken by one.txt:2",
        "page-1"), shown);
  }

  @Test
  void noClobberSettlesOnlyRegularFilesThatExist() throws IOException {
    Files.writeString(dir.resolve("here.txt"), "12345");
    Files.createDirectory(dir.resolve("folder"));
    SaveTargets targets = targets(new SaveSettings(true, false, false, false, null), "");
    List<UrlEntry> entries = read("list.txt", 7, "http://u:pw@h.test/here.txt",
        "http://h.test/folder", "http://h.test/new.txt");

    UrlEntry kept = targets.apply(entries.get(0));
    DownloadResult.Success skipped = kept.settled();
    assertEquals(Outcome.SKIPPED, skipped.outcome());
    assertEquals(7, skipped.index());
    assertEquals("here.txt", skipped.path());
    assertEquals(5, skipped.fileBytes());
    assertEquals(0, skipped.attempts());
    assertEquals("http://***@h.test/here.txt", skipped.url(), "credentials never shown");
    assertNull(targets.apply(entries.get(1)).settled(), "a directory is not a file to keep");
    assertNull(targets.apply(entries.get(2)).settled());
    assertEquals("12345", Files.readString(dir.resolve("here.txt")));
  }

  @Test
  void createDirsNamesByHostAndPath() throws IOException {
    SaveTargets targets = targets(new SaveSettings(false, true, false, false, null), "");
    List<UrlEntry> entries = read("list.txt", 0, "http://h.test:81/a/b.txt",
        "http://h.test:81/a/b.txt", "http://h.test/a/b.txt out=b.txt");

    assertEquals("h.test_81/a/b.txt", targets.apply(entries.get(0)).path());
    assertEquals("h.test_81/a/b-1.txt", targets.apply(entries.get(1)).path());
    assertEquals("b.txt", targets.apply(entries.get(2)).path());
  }

  @Test
  void anInvalidEntryPassesThrough() throws IOException {
    UrlEntry invalid = read("list.txt", 0, "http://h.test/ out=../x").get(0);
    assertSame(invalid, targets(SaveSettings.DEFAULT, "").apply(invalid));
  }

  @Test
  void aChecksumFileThatChangedSinceItWasCheckedIsASetupError() throws IOException {
    Path sums = dir.resolve("changed");
    Files.writeString(sums, "not a checksum line\n");
    DownloadSettings settings = DownloadSettings.builder().outputDir(dir)
        .save(new SaveSettings(false, false, false, false, sums)).build();

    SetupException e = assertThrows(SetupException.class, () -> SaveTargets.of(settings));
    assertTrue(e.getMessage().startsWith("--checksum-file " + sums + ":1: not a checksum line"),
        e::getMessage);
  }
}
