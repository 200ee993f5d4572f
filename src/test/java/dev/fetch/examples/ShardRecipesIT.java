package dev.fetch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetch.testing.JsonLines;
import dev.fetch.testing.Launcher;
import dev.fetch.testing.ServeProcess;
import dev.fetch.testing.WorkflowYaml;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sharding recipes of {@code examples/}, read and run: the Kubernetes Indexed Job, the
 * GitHub Actions matrix and the Slurm array script are parsed, the fields that make them work
 * are checked, and their shell steps run locally with bash or sh, with the variables each
 * scheduler sets, against the real {@code ./fetch} and {@code fetch serve} — then the shards are
 * merged. The list spreads over 12 host names, all resolving to 127.0.0.1 from a hosts file the
 * child JVMs are given, so dealing by host spreads it over the shards. Runs after packaging.
 */
class ShardRecipesIT {
  private static final Path EXAMPLES = Launcher.projectDir().resolve("examples");
  private static final int URLS = 96;
  private static final int HOSTS = 12;
  private static final int FAILING = 2;

  @TempDir Path dir;
  private ServeProcess site;
  private Path list;
  private Map<String, String> env;

  @BeforeEach
  void startTheSite() throws Exception {
    site = ServeProcess.start(dir);
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("fetch"), Launcher.projectDir().resolve("fetch"));
    StringBuilder hosts = new StringBuilder();
    List<String> urls = new ArrayList<>();
    String port = site.url().replaceAll(".*:(\\d+)/$", "$1");
    for (int h = 0; h < HOSTS; h++) {
      hosts.append("127.0.0.1 host").append(h).append(".test\n");
    }
    for (int i = 0; i < URLS; i++) {
      String path = i < FAILING ? "/status/404?n=" + i : "/bytes/" + (100 + i);
      urls.add("http://host" + (i % HOSTS) + ".test:" + port + path);
    }
    Path hostsFile = Files.writeString(dir.resolve("hosts"), hosts);
    list = Files.write(dir.resolve("urls.txt"), urls);
    env = new HashMap<>();
    env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    env.put("JAVA_OPTS", "-Djdk.net.hosts.file=" + hostsFile);
  }

  @AfterEach
  void stopTheSite() throws Exception {
    if (site != null) {
      site.close();
    }
    // The links point out of the temporary directory: removed here, not followed by its cleanup.
    Files.deleteIfExists(dir.resolve("bin/fetch"));
    Files.deleteIfExists(dir.resolve("repo/fetch"));
  }

  @Test
  void theKubernetesJobIsAnIndexedJobWhoseRetriedIndexesResume() throws IOException {
    Map<String, Object> job = kubernetesItem("Job");
    Map<?, ?> spec = map(job.get("spec"));
    assertEquals("Indexed", spec.get("completionMode"));
    assertEquals(spec.get("completions"), spec.get("parallelism"));
    assertTrue(Integer.parseInt((String) spec.get("backoffLimitPerIndex")) >= 1);
    Map<?, ?> pod = map(map(spec.get("template")).get("spec"));
    assertEquals("Never", pod.get("restartPolicy"), "backoffLimitPerIndex needs Never");
    Map<?, ?> container = map(((List<?>) pod.get("containers")).get(0));
    assertEquals(List.of("/bin/sh", "/scripts/run-shard"), container.get("command"));
    assertEquals(spec.get("completions"), containerEnv(container).get("SHARDS"));
    String script = runShardScript();
    for (String needed : List.of("--shard auto", "--shard-count \"$SHARDS\"", "--results",
        "--skip-done \"$journal\"", "$JOB_COMPLETION_INDEX")) {
      assertTrue(script.contains(needed), needed + " in " + script);
    }
  }

  @Test
  void theKubernetesJobsIndexesRunThenARetriedIndexThenTheMerge() throws Exception {
    Map<?, ?> spec = map(kubernetesItem("Job").get("spec"));
    int completions = Integer.parseInt((String) spec.get("completions"));
    Map<?, ?> container = map(((List<?>) map(map(spec.get("template")).get("spec"))
        .get("containers")).get(0));
    Map<String, String> podEnv = new HashMap<>(env);
    Path data = Files.createDirectory(dir.resolve("data"));
    Files.copy(list, data.resolve("urls.txt"));
    containerEnv(container).forEach((name, value) ->
        podEnv.put(name, value.replace("/data", data.toString())));
    Path script = Files.writeString(dir.resolve("run-shard"), runShardScript());

    for (int index = 0; index < completions; index++) {
      podEnv.put("JOB_COMPLETION_INDEX", String.valueOf(index));
      Step pod = run(List.of("sh", script.toString()), podEnv);
      assertEquals(0, pod.exit(), pod.log());
      assertTrue(pod.log().contains("fetch: --shard auto: shard " + (index + 1) + "/"
          + completions + " (JOB_COMPLETION_INDEX=" + index + ", --shard-count " + completions
          + ")"), pod.log());
    }
    int retried = largestJournal(data.resolve("results"));
    podEnv.put("JOB_COMPLETION_INDEX", String.valueOf(retried));
    Step retry = run(List.of("sh", script.toString()), podEnv);
    assertEquals(0, retry.exit(), retry.log());
    assertTrue(Files.readString(data.resolve("results/shard-" + retried + ".jsonl"))
        .contains("\"outcome\":\"skipped\""), "the retried index skipped what was done");

    checkMerged(data.resolve("results"), completions);
  }

  @Test
  void theGithubMatrixRunsEveryShardThenTheMergeJobWritesTheSummary() throws Exception {
    Map<String, Object> workflow = WorkflowYaml.parse(Files.readString(
        EXAMPLES.resolve("github-matrix.yml")));
    Map<?, ?> jobs = map(workflow.get("jobs"));
    Map<?, ?> shardJob = map(jobs.get("shard"));
    Map<?, ?> mergeJob = map(jobs.get("merge"));
    Map<String, String> base = new HashMap<>(env);
    map(workflow.get("env")).forEach((k, v) -> base.put((String) k, (String) v));
    int shards = Integer.parseInt(base.get("SHARDS"));
    List<?> matrix = (List<?>) map(map(shardJob.get("strategy")).get("matrix")).get("shard");
    List<String> expected = new ArrayList<>();
    for (int k = 1; k <= shards; k++) {
      expected.add(String.valueOf(k));
    }
    assertEquals(expected, matrix, "a matrix entry per shard");
    assertEquals("false", map(shardJob.get("strategy")).get("fail-fast"));
    assertEquals("${{ matrix.shard }}", map(shardJob.get("env")).get("SHARD"));
    assertEquals("shard", mergeJob.get("needs"));
    assertEquals("always()", mergeJob.get("if"));

    Path work = Files.createDirectory(dir.resolve("repo"));
    Files.createSymbolicLink(work.resolve("fetch"), Launcher.projectDir().resolve("fetch"));
    Files.copy(list, work.resolve(base.get("LIST")));
    Path summary = work.resolve("summary.md");
    base.put("GITHUB_STEP_SUMMARY", summary.toString());
    for (Object shard : matrix) {
      Map<String, String> jobEnv = new HashMap<>(base);
      jobEnv.put("SHARD", (String) shard); // what ${{ matrix.shard }} expands to
      for (String step : runSteps(shardJob)) {
        Step ran = bash(work, step, jobEnv);
        assertEquals(0, ran.exit(), ran.log());
      }
    }
    // upload-artifact, download-artifact (merge-multiple): every shard's results/ in one place.
    List<String> merge = runSteps(mergeJob);
    Step merged = bash(work, merge.get(merge.size() - 1), base);

    assertEquals(1, merged.exit(), "two URLs failed: " + merged.log());
    String text = Files.readString(summary);
    assertTrue(text.startsWith("## fetch: " + shards + " shards merged (exit 1)\n"), text);
    assertTrue(text.contains(URLS + " URLs in "), text);
    assertTrue(text.contains(": " + (URLS - FAILING) + " succeeded, " + FAILING + " failed"),
        text);
    checkMerged(work.resolve("results"), shards);
  }

  @Test
  void theSlurmArrayRunsEveryTaskThenARequeuedTaskThenTheMerge() throws Exception {
    Path script = EXAMPLES.resolve("slurm-array.sh");
    String text = Files.readString(script);
    Matcher array = Pattern.compile("(?m)^#SBATCH --array=(\\d+)-(\\d+)$").matcher(text);
    assertTrue(array.find(), "an array of tasks");
    assertTrue(text.contains("#SBATCH --requeue"), text);
    int min = Integer.parseInt(array.group(1));
    int max = Integer.parseInt(array.group(2));
    int count = max - min + 1;

    Map<String, String> task = new HashMap<>(env);
    task.putAll(Map.of("SLURM_ARRAY_JOB_ID", "4242", "SLURM_ARRAY_TASK_COUNT",
        String.valueOf(count), "SLURM_ARRAY_TASK_MIN", String.valueOf(min),
        "SLURM_ARRAY_TASK_MAX", String.valueOf(max), "SLURM_ARRAY_TASK_STEP", "1"));
    for (int id = min; id <= max; id++) {
      task.put("SLURM_ARRAY_TASK_ID", String.valueOf(id));
      Step ran = run(List.of("bash", script.toString(), list.toString(), "out"), task);
      assertEquals(0, ran.exit(), ran.log());
      assertTrue(ran.log().contains("fetch: --shard auto: shard " + (id - min + 1) + "/"
          + count + " (SLURM_ARRAY_TASK_ID=" + id), ran.log());
    }
    int requeued = largestJournal(dir.resolve("out/results"));
    task.put("SLURM_ARRAY_TASK_ID", String.valueOf(requeued));
    Step again = run(List.of("bash", script.toString(), list.toString(), "out"), task);
    assertEquals(0, again.exit(), again.log());

    checkMerged(dir.resolve("out/results"), count);
  }

  /** fetch merge of the shards' journals: every index once, two failures, exit 1. */
  private void checkMerged(Path results, int shards) throws Exception {
    List<String> command = new ArrayList<>(List.of(Launcher.projectDir().resolve("fetch")
        .toString(), "merge", "-f", "jsonl", "--list", list.toString(), "--shard-count",
        String.valueOf(shards)));
    try (var files = Files.list(results)) {
      command.addAll(files.map(Path::toString).sorted().collect(Collectors.toList()));
    }
    Step merged = run(command, env);
    assertEquals(1, merged.exit(), merged.log());
    Map<Integer, String> outcomes = new TreeMap<>();
    JsonNode summary = null;
    for (String line : Files.readAllLines(dir.resolve("step.out"))) {
      JsonNode node = JsonLines.parse(line);
      if (node.get("type").asText().equals("summary")) {
        summary = node;
      } else {
        assertEquals(null, outcomes.put(node.get("index").asInt(),
            node.get("outcome").asText()), "index " + node.get("index") + " twice");
      }
    }
    assertEquals(URLS, outcomes.size());
    for (int i = 0; i < URLS; i++) {
      assertEquals(i < FAILING ? "failed" : "downloaded", outcomes.get(i), "index " + i);
    }
    assertEquals(URLS, summary.get("urls").asInt());
    assertEquals(FAILING, summary.get("failed").asInt());
    assertEquals(0, summary.get("skipped").asInt(), "a download counts, not its skip");
  }

  /** The shard whose journal holds most results: the one worth retrying. */
  private static int largestJournal(Path results) throws IOException {
    int best = -1;
    long size = -1;
    try (var files = Files.list(results)) {
      for (Path file : files.collect(Collectors.toList())) {
        if (Files.size(file) > size) {
          size = Files.size(file);
          best = Integer.parseInt(file.getFileName().toString().replaceAll("\\D", ""));
        }
      }
    }
    return best;
  }

  private Map<String, Object> kubernetesItem(String kind) throws IOException {
    Map<String, Object> document = WorkflowYaml.parse(Files.readString(
        EXAMPLES.resolve("k8s-indexed-job.yaml")));
    assertEquals("List", document.get("kind"));
    for (Object item : (List<?>) document.get("items")) {
      if (kind.equals(map(item).get("kind"))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> found = (Map<String, Object>) item;
        return found;
      }
    }
    throw new AssertionError("no " + kind);
  }

  private String runShardScript() throws IOException {
    return (String) map(kubernetesItem("ConfigMap").get("data")).get("run-shard");
  }

  private static Map<String, String> containerEnv(Map<?, ?> container) {
    Map<String, String> values = new HashMap<>();
    for (Object variable : (List<?>) container.get("env")) {
      values.put((String) map(variable).get("name"), (String) map(variable).get("value"));
    }
    return values;
  }

  private static List<String> runSteps(Map<?, ?> job) {
    List<String> scripts = new ArrayList<>();
    for (Object step : (List<?>) job.get("steps")) {
      if (map(step).containsKey("run")) {
        scripts.add((String) map(step).get("run"));
      }
    }
    return scripts;
  }

  private static Map<?, ?> map(Object value) {
    return (Map<?, ?>) value;
  }

  /** What one step printed (stdout in step.out, everything in the log) and its exit status. */
  private record Step(int exit, String log) {}

  /** A GitHub step as its default shell runs it: {@code bash -e}, in {@code work}. */
  private Step bash(Path work, String script, Map<String, String> stepEnv) throws Exception {
    Path file = Files.writeString(dir.resolve("step.sh"), script);
    return run(work, List.of("bash", "--noprofile", "--norc", "-e", file.toString()), stepEnv);
  }

  private Step run(List<String> command, Map<String, String> stepEnv) throws Exception {
    return run(dir, command, stepEnv);
  }

  private Step run(Path work, List<String> command, Map<String, String> stepEnv)
      throws Exception {
    Path out = dir.resolve("step.out");
    Path err = dir.resolve("step.err");
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(stepEnv);
    Process process = builder.start();
    if (!process.waitFor(4, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish");
    }
    return new Step(process.exitValue(), String.join(" ", command) + " (exit "
        + process.exitValue() + ")\n" + Files.readString(out, StandardCharsets.UTF_8)
        + Files.readString(err, StandardCharsets.UTF_8));
  }
}
