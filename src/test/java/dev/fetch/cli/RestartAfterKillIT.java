package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.Launcher;
import dev.fetch.testing.ListFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole restart story with the real {@code ./fetch}: a run of a few hundred URLs with
 * {@code --results} is killed with SIGKILL mid-run (the server answers the first ones, then holds
 * every request), and a second run with {@code --skip-done} on the same journal finishes exactly
 * the URLs the journal does not hold: every index is downloaded once across the two journaled
 * runs, and the server sees the second run ask for the missing ones only, each once.
 */
class RestartAfterKillIT {
  private static final int URLS = 200;
  /** Requests answered before the server starts holding them. */
  private static final int ANSWERED = 50;

  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();
  private final AtomicInteger firstRunRequests = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean secondRun;
  /** Requests of the second run, by index. */
  private final ConcurrentMap<Integer, AtomicInteger> secondRunRequests =
      new ConcurrentHashMap<>();

  {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        int index = Integer.parseInt(request.getUrl().pathSegments().get(1));
        if (secondRun) {
          secondRunRequests.computeIfAbsent(index, i -> new AtomicInteger()).incrementAndGet();
        } else if (firstRunRequests.incrementAndGet() > ANSWERED) {
          release.await(2, TimeUnit.MINUTES);
        }
        return new MockResponse.Builder().body("item " + index + "\n").build();
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"threads", "processes"})
  @Timeout(180)
  void aRunKilledMidWayIsFinishedByTheNextExactlyForTheMissingUrls(String mode)
      throws Exception {
    Path list = ListFiles.write(dir, IntStream.range(0, URLS)
        .mapToObj(i -> server.url("/item/" + i).toString()).collect(Collectors.toList()));
    Path journal = dir.resolve("run.jsonl");
    Path firstDir = Files.createDirectories(dir.resolve("first"));
    Path secondDir = Files.createDirectories(dir.resolve("second"));
    // Worker JVMs share one class-data archive across the runs of the build, as a user's would.
    Map<String, String> env = Map.of("XDG_CACHE_HOME",
        Launcher.projectDir().resolve("target/it-cache").toString());
    String workers = mode.equals("threads") ? "8" : "3";

    Process first = Launcher.start(firstDir, env, "-m", mode, "-w", workers, "--results",
        journal.toString(), list.toString());
    List<ProcessHandle> family = new ArrayList<>();
    List<String> killedJournal;
    try {
      killedJournal = awaitCompleteLines(journal, ANSWERED, first);
      family.addAll(first.toHandle().descendants().collect(Collectors.toList()));
      Launcher.kill(first, "KILL");
      assertEquals(137, first.waitFor(), "killed by SIGKILL");
    } finally {
      secondRun = true;
      release.countDown();
      first.destroyForcibly();
    }
    String afterKill = Files.readString(journal, StandardCharsets.UTF_8);
    Set<Integer> done = new TreeSet<>();
    for (String line : completeLines(afterKill)) {
      JsonNode result = JsonLines.parse(line);
      assertEquals("downloaded", result.get("outcome").asText(), line);
      assertTrue(done.add(result.get("index").asInt()), "once: " + line);
    }
    assertTrue(done.size() >= ANSWERED && done.size() < URLS, done::toString);
    assertTrue(killedJournal.size() <= done.size());

    Cli.Result second = Launcher.run(secondDir, env, "-m", mode, "-w", workers, "-f", "jsonl",
        "--skip-done", journal.toString(), "--results", journal.toString(), list.toString());

    try {
      assertEquals(0, second.exitCode(), second::toString);
      Set<Integer> missing = new TreeSet<>();
      IntStream.range(0, URLS).filter(i -> !done.contains(i)).forEach(missing::add);
      Map<Integer, Integer> asked = new TreeMap<>();
      secondRunRequests.forEach((index, count) -> asked.put(index, count.get()));
      assertEquals(missing, asked.keySet(), "the second run asks for the missing URLs only");
      assertTrue(asked.values().stream().allMatch(count -> count == 1), asked::toString);

      Map<Integer, String> outcomes = new TreeMap<>();
      for (JsonNode result : JsonLines.results(second)) {
        outcomes.put(result.get("index").asInt(), result.get("outcome").asText());
      }
      assertEquals(URLS, outcomes.size());
      outcomes.forEach((index, outcome) -> assertEquals(
          done.contains(index) ? "skipped" : "downloaded", outcome, "index " + index));
      assertEquals(done.size(), JsonLines.summary(second).get("skipped").asInt());

      // The journal of both runs: every index downloaded exactly once.
      Map<Integer, Integer> downloads = new TreeMap<>();
      for (String line : completeLines(Files.readString(journal, StandardCharsets.UTF_8))) {
        JsonNode node = parseOrNull(line);
        if (node != null && node.get("type").asText().equals("result")
            && node.get("outcome").asText().equals("downloaded")) {
          downloads.merge(node.get("index").asInt(), 1, Integer::sum);
        }
      }
      assertEquals(URLS, downloads.size());
      assertTrue(downloads.values().stream().allMatch(count -> count == 1), downloads::toString);
    } finally {
      family.forEach(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * Waits until {@code journal} holds {@code count} complete lines, and returns them; fails if
   * the process ends first.
   */
  private static List<String> awaitCompleteLines(Path journal, int count, Process process)
      throws IOException, InterruptedException {
    while (true) {
      List<String> lines = Files.exists(journal)
          ? completeLines(Files.readString(journal, StandardCharsets.UTF_8)) : List.of();
      if (lines.size() >= count) {
        return lines;
      }
      if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
        throw new AssertionError("fetch ended before it was killed: exit "
            + process.exitValue() + "\n" + Launcher.result(journal.getParent().resolve("first"),
            process.exitValue()));
      }
    }
  }

  /** The lines that end with a line end: a reader's view of a journal being written. */
  private static List<String> completeLines(String text) {
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
  }

  private static JsonNode parseOrNull(String line) {
    try {
      return JsonLines.parse(line);
    } catch (AssertionError e) {
      return null;
    }
  }
}
