package dev.fetch.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestHeadersTest {
  @Test
  void aHeaderIsSentWithItsValueTrimmed() {
    RequestHeaders headers = RequestHeaders.parse(List.of("X-One:  a b\t", "Accept:text/html"));

    assertEquals(List.of(new RequestHeaders.Header("X-One", "a b"),
        new RequestHeaders.Header("Accept", "text/html")), headers.sent());
    assertTrue(headers.sends("x-one"));
    assertTrue(headers.removed().isEmpty());
  }

  @Test
  void aNameWithAColonAndNoValueRemovesTheHeaderAndItsEarlierValues() {
    RequestHeaders headers = RequestHeaders.parse(List.of("X-A: 1", "User-Agent:", "x-a:  "));

    assertEquals(List.of(), headers.sent());
    assertEquals(Set.of("user-agent", "x-a"), headers.removed());
    assertTrue(headers.removes("USER-AGENT"));
  }

  @Test
  void aNameWithASemicolonIsSentEmpty() {
    RequestHeaders headers = RequestHeaders.parse(List.of("X-Empty;"));

    assertEquals(List.of(new RequestHeaders.Header("X-Empty", "")), headers.sent());
    assertFalse(headers.removes("X-Empty"));
  }

  @Test
  void aLaterValueCancelsAnEarlierRemovalAndRepeatedNamesAreAllSent() {
    RequestHeaders headers = RequestHeaders.parse(List.of("Accept:", "Accept: a", "Accept: b"));

    assertEquals(List.of(new RequestHeaders.Header("Accept", "a"),
        new RequestHeaders.Header("Accept", "b")), headers.sent());
    assertFalse(headers.removes("Accept"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "no colon at all|must be 'Name: value'",
      ": value|has no header name",
      "X Y: 1|character 2 of the header name is U+0020, a space",
      "Ünï: 1|character 1 of the header name is U+00DC",
      "Host:|Host cannot be removed",
      "Content-Length: 5|Content-Length cannot be set or removed",
      "transfer-encoding;|transfer-encoding cannot be set or removed"})
  void malformedHeadersSayWhatIsWrong(String argument, String reason) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RequestHeaders.parse(List.of(argument)));

    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void aControlCharacterInAValueIsNamedButTheValueIsNotShown() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RequestHeaders.parse(List.of("Authorization: Bearer s3cret\r\nX-Evil: 1")));

    assertEquals("Authorization: character 14 of the value is U+000D, a control character; a "
        + "value is printable ASCII", e.getMessage());
  }

  @Test
  void valuesNeverShowInToString() {
    RequestHeaders headers = RequestHeaders.parse(List.of("Authorization: Bearer s3cret"));

    assertFalse(headers.toString().contains("s3cret"), headers.toString());
    assertTrue(headers.toString().contains("Authorization"), headers.toString());
  }

  @Test
  void theArgumentsRoundTrip() {
    List<String> arguments = List.of("A: 1", "B:", "C;");

    assertEquals(RequestHeaders.parse(arguments),
        RequestHeaders.parse(RequestHeaders.parse(arguments).arguments()));
  }
}
