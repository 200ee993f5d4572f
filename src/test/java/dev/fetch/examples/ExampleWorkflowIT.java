package dev.fetch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetch.testing.Launcher;
import dev.fetch.testing.Ports;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The README's CI recipe, {@code examples/github-actions/fetch-compare.yml}, read and run: the
 * workflow is parsed, and its shell steps run in order with bash as a GitHub runner would (the
 * {@code uses:} steps are the runner's, skipped; {@code if: always()} honoured), against the real
 * {@code ./fetch}, with {@code fetch serve} in the background. Twice: first with no baseline,
 * then with the first run's export as the downloaded baseline. Runs after packaging (Failsafe).
 */
class ExampleWorkflowIT {
  private static final Path WORKFLOW = Launcher.projectDir()
      .resolve("examples/github-actions/fetch-compare.yml");
  private static final long STEP_TIMEOUT_MINUTES = 4;

  @TempDir Path dir;

  @Test
  void theWorkflowIsWellFormed() throws IOException {
    Map<String, Object> workflow = WorkflowYaml.parse(Files.readString(WORKFLOW));

    assertEquals(List.of("name", "on", "permissions", "env", "jobs"),
        List.copyOf(workflow.keySet()));
    Map<?, ?> on = (Map<?, ?>) workflow.get("on");
    assertEquals(List.of("main"), ((Map<?, ?>) on.get("push")).get("branches"));
    assertTrue(on.containsKey("pull_request"));
    for (Map<?, ?> step : steps(workflow)) {
      if (step.containsKey("run")) {
        assertNotNull(step.get("name"), "a script step has a name: " + step);
      }
      assertTrue(step.containsKey("uses") != step.containsKey("run"),
          "a step either uses an action or runs a script: " + step);
      if (step.containsKey("uses")) {
        assertTrue(String.valueOf(step.get("uses")).matches("[\\w.-]+/[\\w.-]+@v\\d+"),
            "actions are pinned to a major version: " + step);
      }
    }
  }

  @Test
  void itsShellStepsRunWithFetchServeInTheBackgroundThenAgainAgainstTheBaseline()
      throws Exception {
    Map<String, Object> workflow = WorkflowYaml.parse(Files.readString(WORKFLOW));
    Map<String, String> env = new HashMap<>();
    ((Map<?, ?>) workflow.get("env")).forEach((k, v) -> env.put((String) k, (String) v));
    env.put("PORT", String.valueOf(Ports.refused())); // the same port in both runs: one list
    env.put("RUNS", "6");

    Path first = Files.createDirectory(dir.resolve("first"));
    Run one = run(workflow, first, env);
    check(one, first, false);

    Path second = Files.createDirectory(dir.resolve("second"));
    Files.createDirectory(second.resolve("baseline"));
    Files.copy(first.resolve("compare.json"), second.resolve("baseline/compare.json"));
    Run two = run(workflow, second, env);
    check(two, second, true);
    JsonNode json = new ObjectMapper().readTree(second.resolve("compare.json").toFile());
    assertTrue(json.get("baseline").get("same_list").asBoolean(), "the same served list");
    assertEquals(3, json.get("regressions").size(), "a check per combination");
    assertTrue(Files.readString(second.resolve("summary.md"))
        .contains("### Against the baseline `baseline/compare.json`"));
  }

  /** What running the workflow's steps did. */
  private record Run(List<String> ran, Map<String, Integer> exits, String log) {}

  private Run run(Map<String, Object> workflow, Path work, Map<String, String> base)
      throws Exception {
    Files.createSymbolicLink(work.resolve("fetch"), Launcher.projectDir().resolve("fetch"));
    Map<String, String> env = new HashMap<>(base);
    env.put("GITHUB_STEP_SUMMARY", work.resolve("summary.md").toString());
    env.put("GITHUB_OUTPUT", work.resolve("output.txt").toString());
    List<String> ran = new ArrayList<>();
    Map<String, Integer> exits = new HashMap<>();
    StringBuilder log = new StringBuilder();
    boolean failed = false;
    try {
      for (Map<?, ?> step : steps(workflow)) {
        String name = String.valueOf(step.get("name"));
        boolean always = "always()".equals(step.get("if"));
        if (!step.containsKey("run") || (failed && !always)) {
          continue;
        }
        int exit = bash(work, env, (String) step.get("run"), name, log);
        ran.add(name);
        exits.put(name, exit);
        failed |= exit != 0;
      }
    } finally {
      stopServeIfLeft(work);
      Files.delete(work.resolve("fetch"));
    }
    return new Run(ran, exits, log.toString());
  }

  /** Runs a step as GitHub's default shell does, {@code bash -e}, in {@code work}. */
  private static int bash(Path work, Map<String, String> env, String script, String name,
      StringBuilder log) throws Exception {
    Path file = Files.writeString(work.resolve("step.sh"), script);
    Path out = work.resolve("step.log");
    ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-e",
        file.toString()).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(STEP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("step '" + name + "' did not finish: " + Files.readString(out));
    }
    log.append("== ").append(name).append(" (exit ").append(process.exitValue()).append(")\n")
        .append(Files.readString(out, StandardCharsets.UTF_8));
    return process.exitValue();
  }

  /** Whatever happened, no {@code fetch serve} is left running. */
  private static void stopServeIfLeft(Path work) throws IOException {
    Path pid = work.resolve("serve.pid");
    if (Files.exists(pid)) {
      Optional<ProcessHandle> serve = ProcessHandle.of(Long.parseLong(
          Files.readString(pid).trim()));
      serve.ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static void check(Run run, Path work, boolean withBaseline) throws Exception {
    String log = run.log();
    assertEquals(List.of("Build fetch", "Start the test site in the background",
        "Compare the modes", "Show the verdicts", "Stop the test site"), run.ran(), log);
    for (String step : List.of("Build fetch", "Start the test site in the background",
        "Show the verdicts", "Stop the test site")) {
      assertEquals(0, run.exits().get(step), step + ":\n" + log);
    }
    JsonNode json = new ObjectMapper().readTree(work.resolve("compare.json").toFile());
    boolean passed = json.get("passed").asBoolean();
    int compare = run.exits().get("Compare the modes");
    assertEquals(passed ? 0 : 3, compare, "exit 3 exactly when a check failed:\n" + log);
    assertEquals("status=" + compare + "\n", Files.readString(work.resolve("output.txt")));
    assertEquals(2, json.get("requirements").size());
    assertEquals(withBaseline, !json.get("baseline").isNull());

    String summary = Files.readString(work.resolve("summary.md"));
    assertTrue(summary.startsWith(passed ? "## ✅ fetch compare: all " : "## ❌ fetch compare: "),
        "the verdicts first in the job summary:\n" + summary);
    assertTrue(summary.contains("| `threads >= 2x sequential` |"), summary);
    assertTrue(summary.contains("```mermaid\nxychart-beta\n"), summary);

    Element suites = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(work.resolve("compare-junit.xml").toFile()).getDocumentElement();
    int checks = json.get("requirements").size() + json.get("regressions").size();
    assertEquals(String.valueOf(checks), suites.getAttribute("tests"));
    assertTrue(log.contains(passed ? "every check passed" : "some check failed"), log);
    assertTrue(log.contains("threads >= 2x sequential: speed-up "), "jq read the verdicts: " + log);

    assertFalse(Files.exists(work.resolve("site.url")), "the ready file went with the site");
    long pid = Long.parseLong(Files.readString(work.resolve("serve.pid")).trim());
    Optional<ProcessHandle> serve = ProcessHandle.of(pid);
    if (serve.isPresent()) {
      serve.get().onExit().get(30, TimeUnit.SECONDS);
    }
    assertTrue(Files.readString(work.resolve("serve.log"))
        .contains("fetch: test site stopped after "), "serve stopped cleanly on SIGTERM");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<?, ?>> steps(Map<String, Object> workflow) {
    Map<?, ?> jobs = (Map<?, ?>) workflow.get("jobs");
    return (List<Map<?, ?>>) ((Map<?, ?>) jobs.get("compare")).get("steps");
  }
}
