package dev.fetch.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several inputs read as one list: indexes run on, each entry names its own input and line. */
class InputsTest {
  @TempDir Path dir;

  private static InputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Input.RemoteList remote(String url, String content) {
    return new Input.RemoteList(HttpUrl.get(url), null)
        .downloaded(content.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> read(Inputs inputs, InputStream stdin) {
    List<String> seen = new ArrayList<>();
    try (InputReader reader = inputs.open(stdin)) {
      reader.forEachRemaining(e -> seen.add(e.index() + " " + e.location() + " "
          + (e.isValid() ? e.display() : "invalid: " + e.problem())));
    }
    return seen;
  }

  @Test
  void indexesRunOnAcrossInputsAndEachEntryNamesItsOwnInputAndLine() throws IOException {
    Path first = Files.writeString(dir.resolve("first.txt"),
        "# comment\nhttp://a.test/1\n\nftp://a.test/2\n");
    Path second = Files.writeString(dir.resolve("second.txt"), "http://b.test/1\n");
    Inputs inputs = Inputs.of(List.of(
        InputParser.argument("http://arg.test/0"),
        InputParser.argument(first.toString()),
        remote("https://alice:pw@list.test/l", "http://c.test/1\nnot a url\n"),
        InputParser.argument("-"),
        InputParser.argument(second.toString()),
        InputParser.argument("https://arg.test/9")));

    assertEquals(List.of(
        "0 http://arg.test/0:1 http://arg.test/0",
        "1 " + first + ":2 http://a.test/1",
        "2 " + first + ":4 invalid: unsupported scheme 'ftp' (only http and https)",
        "3 https://***@list.test/l:1 http://c.test/1",
        "4 https://***@list.test/l:2 invalid: contains a space: one URL per line; encode spaces"
            + " in a URL as %20",
        "5 <stdin>:2 http://s.test/1",
        "6 " + second + ":1 http://b.test/1",
        "7 https://arg.test/9:1 https://arg.test/9"),
        read(inputs, stdin("\nhttp://s.test/1\n")));
  }

  @Test
  void standardInputMayBeNamedOnlyOnce() {
    InputException e = assertThrows(InputException.class, () -> Inputs.of(List.of(
        InputParser.argument("-"), InputParser.listOption("-"))));

    assertEquals("standard input (-) can be read only once, but is named 2 times",
        e.getMessage());
    assertThrows(InputException.class, () -> Inputs.of(List.of()));
  }

  @Test
  void noUrlsNamesEveryInput() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing\n");

    assertEquals(empty + ": no URLs (the list is empty or has only blank lines and comments)",
        Inputs.of(empty.toString()).noUrls().getMessage());
    assertEquals(empty + ", <stdin>: no URLs (every list is empty or has only blank lines and "
        + "comments)", Inputs.of(List.of(InputParser.argument(empty.toString()),
        InputParser.argument("-"))).noUrls().getMessage());
    assertEquals(List.of(), read(Inputs.of(List.of(InputParser.argument(empty.toString()),
        InputParser.argument("-"))), stdin("\n# none\n")));
  }

  @Test
  void countsUrlLinesOfEveryKindButStandardInput() throws IOException {
    Path file = Files.writeString(dir.resolve("l.txt"), "http://a.test/\n#c\nbad\n");
    Input url = InputParser.argument("http://arg.test/");
    Input list = InputParser.argument(file.toString());
    Input fetched = remote("http://list.test/", "http://x.test/1\nhttp://x.test/2\n");

    assertEquals(5, Inputs.of(List.of(url, list, fetched)).countUrlLines());
    assertEquals(-1, Inputs.of(List.of(url, list, InputParser.argument("-"))).countUrlLines());
    assertEquals(-1, Inputs.of(List.of(url, InputParser.listOption("http://list.test/")))
        .countUrlLines(), "a list not downloaded yet");
  }

  @Test
  void aListNotDownloadedCannotBeOpened() {
    Inputs inputs = Inputs.of(List.of(InputParser.listOption("http://list.test/")));

    assertEquals(1, inputs.toDownload().size());
    assertThrows(IllegalStateException.class, () -> inputs.open(InputStream.nullInputStream()));
    Inputs downloaded = inputs.map(i -> ((Input.RemoteList) i).downloaded(new byte[0]));
    assertTrue(downloaded.toDownload().isEmpty());
  }

  @Test
  void checkNamesAMissingFileADirectoryAndAnUnreadableFileWithoutReadingAnything()
      throws IOException {
    Path missing = dir.resolve("missing.txt");
    Path secret = Files.writeString(dir.resolve("secret.txt"), "http://a.test/\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));

    assertEquals(missing + ": no such file", assertThrows(InputException.class,
        () -> Inputs.of(missing.toString()).check()).getMessage());
    assertEquals(dir + ": is a directory, not a URL list", assertThrows(InputException.class,
        () -> Inputs.of(dir.toString()).check()).getMessage());
    assumeFalse(Files.isReadable(secret), "running as root: every file is readable");
    assertEquals(secret + ": permission denied", assertThrows(InputException.class,
        () -> Inputs.of(secret.toString()).check()).getMessage());
  }

  /** Opening a FIFO waits for its writer: checking and counting must not open it. */
  @Test
  @Timeout(30)
  void aFifoIsCheckedAndCountedWithoutBeingOpened() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
    Inputs inputs = Inputs.of(List.of(InputParser.argument("http://a.test/"),
        InputParser.argument(fifo.toString())));

    inputs.check();

    assertEquals(-1, inputs.countUrlLines());
  }

  @Test
  void aListFileIsOpenedOnlyWhenTheInputsBeforeItAreRead() throws IOException {
    Path later = dir.resolve("later.txt");
    Inputs inputs = Inputs.of(List.of(InputParser.argument("http://a.test/"),
        InputParser.argument(later.toString())));

    try (InputReader reader = inputs.open(InputStream.nullInputStream())) {
      assertEquals("http://a.test/", reader.next().display());
      Files.writeString(later, "http://b.test/\n");
      assertEquals("http://b.test/", reader.next().display());
      assertFalse(reader.hasNext());
    }
  }

  @Test
  void standardInputIsTheOneGivenAndIsNotReadBeforeItsTurn() {
    InputStream stdin = stdin("http://s.test/\n");
    Inputs inputs = Inputs.of(List.of(InputParser.argument("http://a.test/"),
        InputParser.argument("-")));

    try (InputReader reader = inputs.open(stdin)) {
      reader.next();
      assertEquals(15, ((ByteArrayInputStream) stdin).available(), "untouched so far");
      assertEquals("<stdin>:1", reader.next().location());
    }
  }
}
