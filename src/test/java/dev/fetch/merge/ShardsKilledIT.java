package dev.fetch.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.Launcher;
import dev.fetch.testing.ServeProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, with real processes: a list of 20,000 URLs over 32 host names (all 127.0.0.1,
 * from a hosts file) cut into 8 shards by host, each a {@code ./fetch --shard K/8 --results}
 * process against {@code fetch serve}; two of them are killed with SIGKILL mid-run (once their
 * journals show progress) and run again with {@code --skip-done} on their own journal; then
 * {@code fetch merge --list} reports every index exactly once, all downloaded, exit 0 — and the
 * killed shards' journals hold each of their URLs downloaded exactly once across both runs.
 */
class ShardsKilledIT {
  private static final int URLS = 20_000;
  private static final int SHARDS = 8;
  private static final int HOSTS = 32;
  private static final Set<Integer> KILLED = Set.of(3, 6);
  /** Journal lines a shard to be killed must have written first: it is mid-run. */
  private static final int PROGRESS = 200;

  @TempDir Path dir;

  @Test
  void eightShardsTwoKilledAndResumedMergeIntoEveryIndexOnce() throws Exception {
    try (ServeProcess site = ServeProcess.start(dir)) {
      String port = site.url().replaceAll(".*:(\\d+)/$", "$1");
      StringBuilder hosts = new StringBuilder();
      for (int h = 0; h < HOSTS; h++) {
        hosts.append("127.0.0.1 host").append(h).append(".test\n");
      }
      Path hostsFile = Files.writeString(dir.resolve("hosts"), hosts);
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < URLS; i++) {
        urls.add("http://host" + (i % HOSTS) + ".test:" + port + "/bytes/" + (64 + i % 64)
            + "/" + i + "?delay=2");
      }
      Path list = Files.write(dir.resolve("urls.txt"), urls);
      Map<String, String> env = Map.of("JAVA_OPTS", "-Djdk.net.hosts.file=" + hostsFile);
      Path results = Files.createDirectory(dir.resolve("results"));

      List<Process> shards = new ArrayList<>();
      for (int k = 1; k <= SHARDS; k++) {
        // The shards to be killed go slowly (2 at once), so they are still running when killed.
        shards.add(start(env, "shard-" + k, "--shard", k + "/" + SHARDS, "-q", "-w",
            KILLED.contains(k) ? "2" : "8", "--retries", "0", "--results",
            results.resolve("shard-" + k + ".jsonl").toString(), list.toString()));
      }
      for (int k : KILLED) {
        Path journal = results.resolve("shard-" + k + ".jsonl");
        Process shard = shards.get(k - 1);
        while (lines(journal) < PROGRESS) {
          assertTrue(shard.isAlive(), "shard " + k + " ended before it was killed: " + log(k));
          Thread.sleep(20); // polling a file another process writes: no event to wait on
        }
        assertTrue(shard.isAlive(), "shard " + k + " ended before it was killed");
        Launcher.kill(shard, "KILL");
        assertEquals(137, exit(shard), "killed by SIGKILL");
      }
      for (int k = 1; k <= SHARDS; k++) {
        if (!KILLED.contains(k)) {
          assertEquals(0, exit(shards.get(k - 1)), "shard " + k + ": " + log(k));
        }
      }
      for (int k : KILLED) {
        String journal = results.resolve("shard-" + k + ".jsonl").toString();
        Process again = start(env, "shard-" + k + "-again", "--shard", k + "/" + SHARDS, "-q",
            "-w", "8", "--retries", "0", "--skip-done", journal, "--results", journal,
            list.toString());
        assertEquals(0, exit(again), "shard " + k + " again");
      }

      List<String> merge = new ArrayList<>(List.of("merge", "-f", "jsonl", "--list",
          list.toString(), "--shard-count", String.valueOf(SHARDS)));
      for (int k = 1; k <= SHARDS; k++) {
        merge.add(results.resolve("shard-" + k + ".jsonl").toString());
      }
      Process merged = start(Map.of(), "merge", merge.toArray(new String[0]));
      int code = exit(merged);
      String out = Files.readString(dir.resolve("merge.out"), StandardCharsets.UTF_8);
      String err = Files.readString(dir.resolve("merge.err"), StandardCharsets.UTF_8);
      assertEquals(0, code, err);
      boolean[] seen = new boolean[URLS];
      JsonNode summary = null;
      for (String line : out.split("\n")) {
        JsonNode node = JsonLines.parse(line);
        if (node.get("type").asText().equals("summary")) {
          summary = node;
          continue;
        }
        int index = node.get("index").asInt();
        assertTrue(!seen[index], "index " + index + " twice");
        seen[index] = true;
        assertEquals("downloaded", node.get("outcome").asText(), line);
        assertEquals(urls.get(index), node.get("url").asText());
      }
      for (int i = 0; i < URLS; i++) {
        assertTrue(seen[i], "index " + i + " missing");
      }
      assertEquals(URLS, summary.get("urls").asInt());
      assertEquals(URLS, summary.get("succeeded").asInt());
      assertEquals(0, summary.get("skipped").asInt());
      long bytes = 0;
      for (int i = 0; i < URLS; i++) {
        bytes += 64 + i % 64;
      }
      assertEquals(bytes, summary.get("bytes").asLong());

      for (int k : KILLED) {
        checkDownloadedOnce(results.resolve("shard-" + k + ".jsonl"), k);
      }
    }
  }

  /** Across the killed run and the second, each URL of the shard was downloaded once. */
  private static void checkDownloadedOnce(Path journal, int k) throws IOException {
    Map<Integer, Integer> downloads = new HashMap<>();
    int skipped = 0;
    for (String line : Files.readAllLines(journal)) {
      JsonNode node;
      try {
        node = JsonLines.parse(line);
      } catch (RuntimeException cut) {
        continue; // the line the kill cut short
      }
      if (!node.get("type").asText().equals("result")) {
        continue;
      }
      if (node.get("outcome").asText().equals("skipped")) {
        skipped++;
      } else {
        downloads.merge(node.get("index").asInt(), 1, Integer::sum);
      }
    }
    assertTrue(skipped >= PROGRESS - 1, "shard " + k + " skipped what it had done: " + skipped);
    for (Map.Entry<Integer, Integer> entry : downloads.entrySet()) {
      assertEquals(1, entry.getValue(), "shard " + k + " index " + entry.getKey());
    }
  }

  private Process start(Map<String, String> env, String name, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Launcher.projectDir().resolve("fetch").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static int exit(Process process) throws InterruptedException {
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("did not finish");
    }
    return process.exitValue();
  }

  private String log(int k) throws IOException {
    return Files.readString(dir.resolve("shard-" + k + ".err"));
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (var lines = Files.lines(file)) {
      return lines.count();
    }
  }
}
