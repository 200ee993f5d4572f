package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {
  private static final List<String> COMMANDS = List.of("serve", "demo", "compare");

  @Test
  void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
    assertEquals(0, Spelling.distance("compare", "compare"));
    assertEquals(1, Spelling.distance("compar", "compare"));
    assertEquals(1, Spelling.distance("compaare", "compare"));
    assertEquals(2, Spelling.distance("compair", "compare"));
    assertEquals(1, Spelling.distance("comapre", "compare"), "a swap is one edit");
    assertEquals(3, Spelling.distance("", "abc"));
  }

  @Test
  void suggestsTheClosestNameWithinTwoEditsAndHalfItsLength() {
    assertEquals("compare", Spelling.closest("compair", COMMANDS));
    assertEquals("compare", Spelling.closest("COMPARE", COMMANDS), "case is a typo too");
    assertEquals("demo", Spelling.closest("memo", COMMANDS));
    assertNull(Spelling.closest("meme", COMMANDS), "two edits are half of demo");
    assertNull(Spelling.closest("compare", COMMANDS), "the name itself is no typo");
    assertNull(Spelling.closest("urls", COMMANDS));
  }
}
