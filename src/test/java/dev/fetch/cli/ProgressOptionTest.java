package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.cli.ProgressOption.Display;
import dev.fetch.strategy.Mode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.Modes;
import dev.fetch.testing.TestSite;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code --progress}: which display a run gets, and the bar in every mode. */
class ProgressOptionTest {
  private static final Map<String, String> NO_CI = Map.of();
  private static final Map<String, String> CI = Map.of("CI", "true");

  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  @Test
  void autoIsABarOnATerminalLinesInCiAndOtherwiseNothing() {
    assertEquals(Display.BAR, ProgressOption.AUTO.display(true, NO_CI));
    assertEquals(Display.BAR, ProgressOption.AUTO.display(true, CI));
    assertEquals(Display.LINES, ProgressOption.AUTO.display(false, CI));
    assertEquals(Display.LINES, ProgressOption.AUTO.display(false, Map.of("CI", "TRUE")));
    assertEquals(Display.NONE, ProgressOption.AUTO.display(false, Map.of("CI", "false")));
    assertEquals(Display.NONE, ProgressOption.AUTO.display(false, NO_CI));
  }

  @Test
  void theOtherChoicesAreWhatTheySay() {
    for (boolean terminal : new boolean[] {true, false}) {
      assertEquals(Display.BAR, ProgressOption.ALWAYS.display(terminal, NO_CI));
      assertEquals(Display.LINES, ProgressOption.LINES.display(terminal, NO_CI));
      assertEquals(Display.NONE, ProgressOption.NEVER.display(terminal, CI));
    }
  }

  /**
   * The bar is drawn on stderr as the body trickles in (3,000 bytes over 1.5 s; the list has
   * 3,100) and erased before the summary; standard output has the results only.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void alwaysDrawsTheBarOnStderrWhileTheBytesArrive(Mode mode) {
    Modes.assumeAvailable(mode);
    Path list = ListFiles.onServer(dir, server, "/trickle/3000", "/bytes/100");
    Cli.Result result = Cli.run("-m", mode.toString(), "-w", "2", "--progress=always",
        list.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertFalse(result.out().contains("\u001b") || result.out().contains("\r"), result.out());
    assertTrue(result.err().contains("in flight \u001b[K\b"), result.err());
    assertTrue(result.err().endsWith("\r\u001b[J"), "erased at the end: " + result.err());
    // Sequential has not started the second URL: no total, only the bytes so far. A worker
    // process sends its bytes over the pipe.
    assertTrue(Pattern.compile("\\r\\[[=> ]+\\]  ([1-9]\\d* bytes|[12]\\.\\d KiB)"
        + (mode == Mode.SEQUENTIAL ? "" : "/3\\.0 KiB") + "  ").matcher(result.err()).find(),
        "bytes as they arrive: " + result.err());
  }

  @Test
  void inCiWithoutATerminalNoControlCodeReachesStderr() {
    Path list = ListFiles.onServer(dir, server, "/bytes/100", "/status/404");
    Cli.Result result = Cli.runWithEnv(CI, "--retries", "0", list.toString());

    assertEquals(ExitCodes.FAILURES, result.exitCode(), result.toString());
    assertFalse(result.err().contains("\u001b") || result.err().contains("\r"), result.err());
  }
}
