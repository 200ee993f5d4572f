package dev.fetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.Cli;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.ListFiles;
import dev.fetch.testing.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --shard}, {@code --shard-count}, {@code --shard-by}: checked before any request. */
class ShardOptionsTest {
  @TempDir Path dir;
  @StartStop private final MockWebServer server = new MockWebServer();

  {
    server.setDispatcher(new TestSite());
  }

  private Path list() {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      paths.add("/bytes/" + (i + 1));
    }
    return ListFiles.onServer(dir, server, paths.toArray(new String[0]));
  }

  private List<Integer> indexes(Cli.Result result) {
    List<Integer> indexes = new ArrayList<>();
    for (JsonNode node : JsonLines.results(result)) {
      indexes.add(node.get("index").asInt());
    }
    indexes.sort(null);
    return indexes;
  }

  @Test
  void kOfNTakesEveryNthIndexFromK() {
    Cli.Result result = Cli.run("-f", "jsonl", "--shard", "2/3", "--shard-by", "index",
        list().toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of(1, 4, 7), indexes(result));
    assertEquals(3, JsonLines.summary(result).get("urls").asInt());
  }

  @Test
  void byHostEveryUrlOfOneHostIsInOneShard() {
    List<Integer> sizes = new ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      Cli.Result result = Cli.run("-f", "jsonl", "--shard", k + "/4", list().toString());
      assertEquals(0, result.exitCode(), result::toString);
      sizes.add(indexes(result).size());
    }
    sizes.sort(null);
    assertEquals(List.of(0, 0, 0, 8), sizes);
  }

  @Test
  void aShardWithNoUrlOfTheListIsNotAnError() {
    Path list = ListFiles.onServer(dir, server, "/bytes/1");
    Cli.Result result = Cli.run("--shard", "2/2", "--shard-by", "index", list.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("0 URLs in "), result::toString);
    assertTrue(result.err().contains("fetch: shard 2/2: none of the 1 URLs of the list is in "
        + "this shard: nothing to download"), result::toString);
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anEmptyListIsStillAUsageError() {
    Path list = ListFiles.write(dir, List.of("# nothing"));
    Cli.Result result = Cli.run("--shard", "1/2", list.toString());

    assertEquals(2, result.exitCode(), result::toString);
  }

  @Test
  void autoTakesAKubernetesCompletionIndexCountedFromZero() {
    Cli.Result result = Cli.runWithEnv(Map.of("JOB_COMPLETION_INDEX", "2"), "-f", "jsonl",
        "--shard", "auto", "--shard-count", "3", "--shard-by", "index", list().toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of(2, 5), indexes(result));
    assertTrue(result.err().contains("fetch: --shard auto: shard 3/3 (JOB_COMPLETION_INDEX=2, "
        + "--shard-count 3)"), result::toString);
  }

  @Test
  void autoTakesASlurmArrayTaskFromItsMinimum() {
    Cli.Result result = Cli.runWithEnv(Map.of("SLURM_ARRAY_TASK_ID", "5",
        "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_MIN", "4"), "-f", "jsonl", "--shard",
        "auto", "--shard-by", "index", list().toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of(1, 5), indexes(result));
    assertTrue(result.err().contains("fetch: --shard auto: shard 2/4 (SLURM_ARRAY_TASK_ID=5, "
        + "SLURM_ARRAY_TASK_COUNT=4, SLURM_ARRAY_TASK_MIN=4)"), result::toString);
  }

  @Test
  void autoFollowsASlurmArrayStep() {
    Cli.Result result = Cli.runWithEnv(Map.of("SLURM_ARRAY_TASK_ID", "20",
        "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "0",
        "SLURM_ARRAY_TASK_STEP", "10"), "-f", "jsonl", "--shard", "auto", "--shard-by", "index",
        list().toString());

    assertEquals(List.of(2, 5), indexes(result), result::toString);
  }

  @Test
  void usageErrorsNameTheOptionAndRequestNothing() {
    String list = list().toString();
    Map<String, List<String>> cases = Map.of(
        "fetch: --shard 0/4: shards are numbered from 1 to 4, not 0",
        List.of("--shard", "0/4"),
        "fetch: --shard 3: expected K/N (shard K of N, counted from 1), or auto",
        List.of("--shard", "3"),
        "fetch: --shard 1/4: --shard-count 8 contradicts --shard 1/4",
        List.of("--shard", "1/4", "--shard-count", "8"),
        "fetch: --shard-count needs --shard auto",
        List.of("--shard-count", "8"),
        "fetch: --shard-by needs --shard",
        List.of("--shard-by", "index"),
        "fetch: --shard auto: no scheduler's variables found: neither JOB_COMPLETION_INDEX",
        List.of("--shard", "auto"),
        "fetch: Invalid value for option '--shard-by': 'url' is not one of host, index",
        List.of("--shard", "1/2", "--shard-by", "url"));
    cases.forEach((message, args) -> {
      List<String> all = new ArrayList<>(args);
      all.add(list);
      Cli.Result result = Cli.run(all.toArray(new String[0]));
      assertEquals(2, result.exitCode(), result::toString);
      assertTrue(result.err().startsWith(message), message + " in " + result);
    });
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void autoWithAKubernetesIndexNeedsTheCount() {
    Cli.Result result = Cli.runWithEnv(Map.of("JOB_COMPLETION_INDEX", "0"), "--shard", "auto",
        list().toString());

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().contains("add --shard-count N, the Job's completions"),
        result::toString);
  }

  @Test
  void autoRefusesASlurmTaskOutsideItsArray() {
    Cli.Result result = Cli.runWithEnv(Map.of("SLURM_ARRAY_TASK_ID", "3",
        "SLURM_ARRAY_TASK_COUNT", "2", "SLURM_ARRAY_TASK_MIN", "0"), "--shard", "auto",
        list().toString());

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().contains("shards are numbered from 1 to 2, not 4"),
        result::toString);
  }

  @Test
  void compareRefusesShard() {
    Cli.Result result = Cli.run("compare", "--shard", "1/2", list().toString());

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("fetch: compare does not take --shard: a benchmark must "
        + "download every URL in every run"), result::toString);
  }
}
