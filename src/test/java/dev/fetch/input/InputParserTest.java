package dev.fetch.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputParserTest {
  @ParameterizedTest
  @ValueSource(strings = {"http://a.test/x", "https://a.test/x", "HTTP://a.test/x",
      "Https://a.test/x"})
  void aPositionalHttpUrlInAnyCaseIsDownloaded(String word) {
    Input input = InputParser.argument(word);

    Input.Url url = assertInstanceOf(Input.Url.class, input);
    assertEquals(HttpUrl.get(word), url.url());
    assertEquals(1, input.countUrlLines());
  }

  @Test
  void aPositionalDashIsStandardInputAndAnyOtherWordAListFile() {
    assertInstanceOf(Input.StandardInput.class, InputParser.argument("-"));
    assertEquals(new Input.ListFile("urls.txt"), InputParser.argument("urls.txt"));
    assertEquals(new Input.ListFile("ftp://a.test/x"), InputParser.argument("ftp://a.test/x"),
        "only http and https are URLs; anything else names a file");
    assertEquals(new Input.ListFile("http:/a.test"), InputParser.argument("http:/a.test"));
  }

  @Test
  void anInputOptionUrlIsAListToDownloadFirst() {
    Input input = InputParser.listOption("https://a.test/list.txt");

    Input.RemoteList list = assertInstanceOf(Input.RemoteList.class, input);
    assertEquals(HttpUrl.get("https://a.test/list.txt"), list.url());
    assertFalse(list.isDownloaded());
    assertNull(list.content());
    assertEquals(-1, list.countUrlLines(), "not known before it is downloaded");
    assertThrows(IllegalStateException.class, () -> list.open(null, 0));
    assertInstanceOf(Input.StandardInput.class, InputParser.listOption("-"));
    assertEquals(new Input.ListFile("l.txt"), InputParser.listOption("l.txt"));
  }

  @Test
  void anInvalidUrlArgumentIsAnInputErrorWithoutItsCredentials() {
    InputException argument = assertThrows(InputException.class,
        () -> InputParser.argument("https://alice:s3cret@a.test/a b"));
    InputException option = assertThrows(InputException.class,
        () -> InputParser.listOption("http://bob:pw@a.test:99999/"));

    assertEquals("'https://***@a.test/a b' is not a valid URL: contains a space: one URL per "
        + "line; encode spaces in a URL as %20", argument.getMessage());
    assertEquals("-i/--input 'http://***@a.test:99999/' is not a valid URL: malformed URL (bad "
        + "host or port?)", option.getMessage());
  }

  @Test
  void controlCharactersInAnInvalidUrlArgumentAreEscaped() {
    InputException e = assertThrows(InputException.class,
        () -> InputParser.argument("http://a.test/\u001b[31m"));

    assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
    assertTrue(e.getMessage().startsWith("'http://a.test/\\u001b[31m' is not a valid URL: "
        + "contains a control character (U+001B)"), e.getMessage());
  }

  @Test
  void aFileNameThePlatformRefusesIsAnInputErrorNamingIt() {
    Input.ListFile file = (Input.ListFile) InputParser.argument("a\u0000b");

    InputException e = assertThrows(InputException.class, file::check);

    assertTrue(e.getMessage().startsWith("a\\u0000b: not a valid file name ("), e.getMessage());
    assertEquals(-1, file.countUrlLines());
  }

  @Test
  void namesNeverShowCredentialsOrControlCharacters() {
    assertEquals("https://***@a.test/list", InputParser.listOption(
        "https://alice:s3cret@a.test/list").name());
    assertEquals("https://***@a.test/x", InputParser.argument(
        "https://alice:s3cret@a.test/x").name());
    assertEquals("htp://***@a.test/x", InputParser.argument("htp://alice:s3cret@a.test/x")
        .name(), "a mistyped URL, taken for a file, is redacted too");
    assertEquals("bad\\u001bname.txt", InputParser.argument("bad\u001bname.txt").name());
    assertEquals("<stdin>", InputParser.argument("-").name());
  }
}
