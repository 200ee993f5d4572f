package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fetch.testing.Launcher;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.SteppedBody;
import dev.fetch.testing.TestSite;
import dev.fetch.testing.Tmux;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar in a real terminal (tmux), with standard output on the same terminal, as
 * {@code fetch list.txt} runs for most people: the bytes and the rate move while a body arrives
 * step by step, result lines scroll above the bar, the bar follows the window when it narrows,
 * and the last screen has no bar left.
 */
class ProgressBarIT {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  /** The bar: its bytes of the list's known total, 1 MiB and 600 bytes. */
  private static final Pattern BAR = Pattern.compile("(\\d+(\\.\\d)? (KiB|MiB|bytes))/1\\.0 MiB"
      + "(  (\\d+(\\.\\d)? [kMG]?B/s))?");

  @TempDir Path dir;
  private final SteppedBody stepped = new SteppedBody(4, 256 * 1024, 60);
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    TestSite site = new TestSite();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getUrl().encodedPath().equals("/stepped")
            ? new MockResponse.Builder().body(stepped).build() : site.dispatch(request);
      }
    });
  }

  @Test
  void theBarMovesUnderTheResultsFollowsTheWindowAndLeavesNoTrace() throws Exception {
    assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    Path list = ListFiles.onServer(dir, server, "/bytes/100", "/bytes/200", "/bytes/300",
        "/stepped");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = Launcher.projectDir().resolve("target/fetch.jar").toString();
    try (Tmux terminal = Tmux.start(dir, 120, 30, "bash", "-c",
        "'" + java + "' -jar '" + jar + "' -w 4 '" + list + "'; echo \"[exit $?]\"")) {
      String screen = terminal.await("three results above a bar", DEADLINE,
          s -> count(s, "Read ") == 3 && bar(s) != null);
      assertTrue(lines(screen).indexOf(lastLine(screen)) > lines(screen).indexOf(
          lines(screen).stream().filter(l -> l.startsWith("Read 300 bytes")).findFirst()
              .orElseThrow()), "the bar is under the results:\n" + screen);
      assertTrue(bar(screen).group(1).equals("600 bytes"), screen);

      stepped.step();
      terminal.await("a quarter of the body", DEADLINE,
          s -> bar(s) != null && bar(s).group(1).equals("256.6 KiB"));
      stepped.step();
      Set<String> rates = new HashSet<>();
      screen = terminal.await("half the body, and the rate changing", DEADLINE, s -> {
        Matcher bar = bar(s);
        if (bar != null && bar.group(5) != null) {
          rates.add(bar.group(5));
        }
        return bar != null && bar.group(1).equals("512.6 KiB") && rates.size() >= 2;
      });
      assertEquals(4, lines(screen).size(), "three results and the bar, no more:\n" + screen);

      terminal.resize(50, 30);
      screen = terminal.await("the bar at the new width, alone", DEADLINE,
          s -> bar(s) != null && count(s, "/1.0 MiB") == 1 && lastLine(s).length() <= 49);
      assertFalse(screen.contains("in flight") && !lastLine(screen).contains("in flight"),
          "no piece of the wide bar is left:\n" + screen);

      stepped.step();
      stepped.step();
      screen = terminal.await("the end of the run", DEADLINE, s -> s.contains("[exit 0]"));
      assertEquals(0, count(screen, "/1.0 MiB"), "no bar left:\n" + screen);
      assertFalse(screen.contains("in flight") || screen.contains("ETA"), screen);
      String joined = String.join("", lines(terminal.screen()));
      assertTrue(joined.contains("4 URLs in "), screen);
      assertTrue(joined.contains("Read 1.0 MiB from "), screen);
    }
  }

  /** The bar on the last line of the screen, or null. */
  private static Matcher bar(String screen) {
    Matcher bar = BAR.matcher(lastLine(screen));
    return bar.find() ? bar : null;
  }

  private static List<String> lines(String screen) {
    return screen.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
  }

  private static String lastLine(String screen) {
    List<String> lines = lines(screen);
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static int count(String screen, String text) {
    return (int) screen.lines().filter(l -> l.contains(text)).count();
  }
}
