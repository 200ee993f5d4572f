package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.output.Format;
import dev.fetch.testing.Cli;
import dev.fetch.testing.FixedDispatcher;
import dev.fetch.testing.ListFiles;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control characters from a server (a reason phrase with an OSC title sequence and a bell) or
 * from the list (a raw escape on an invalid line) never reach standard output or standard error
 * raw, in any {@code --format}, in the {@code FILE:LINE} warnings or in {@code -v} logs: they are
 * written as {@code \\uXXXX}.
 */
class ControlCharactersTest {
  private static final String TITLE = "\u001b]0;pwned\u0007";

  @StartStop private final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Format.class)
  void aReasonPhraseWithEscapesIsShownEscaped(Format format) {
    server.setDispatcher(new FixedDispatcher(new MockResponse.Builder()
        .status("HTTP/1.1 500 Oops " + TITLE).build()));
    Path list = ListFiles.onServer(dir, server, "/title");
    Cli.Result run = Cli.run("-f", format.toString(), "-v", "--retries", "1", list.toString());

    assertEquals(ExitCodes.FAILURES, run.exitCode(), run.toString());
    assertPrintable(run);
    // A control byte in the status line is a protocol error, its text quoted escaped (JSON
    // escapes the backslash once more).
    assertTrue(run.out().contains("Oops \\u001b]0;pwned\\u0007")
        || run.out().contains("Oops \\u001B]0;pwned\\u0007")
        || run.out().contains("Oops \\\\u001b]0;pwned\\\\u0007"), run.toString());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void anInvalidLineWithARawEscapeIsShownEscaped(Format format) {
    Path list = ListFiles.write(dir, List.of("http://host.test/" + TITLE + "x"));
    Cli.Result run = Cli.run("-f", format.toString(), "-v", list.toString());

    assertEquals(ExitCodes.FAILURES, run.exitCode(), run.toString());
    assertPrintable(run);
    assertTrue(run.out().contains("http://host.test/\\u001b]0;pwned\\u0007x")
        || run.out().contains("http://host.test/\\\\u001b]0;pwned\\\\u0007x"), run.toString());
  }

  /** Nothing below U+0020 (or DEL, or a C1 control) but line ends and tabs. */
  private static void assertPrintable(Cli.Result run) {
    for (String text : List.of(run.out(), run.err())) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean allowed = c == '\n' || c == '\r' || c == '\t' || !Character.isISOControl(c);
        assertTrue(allowed, String.format("U+%04X at %d in:%n%s", (int) c, i, run));
      }
    }
  }
}
