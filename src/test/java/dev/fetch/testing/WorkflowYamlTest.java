package dev.fetch.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workflow reader reads what the example uses and refuses what is broken. */
class WorkflowYamlTest {

  @Test
  void readsMappingsSequencesLiteralsAndScalars() {
    Map<String, Object> doc = WorkflowYaml.parse(String.join("\n",
        "# a comment",
        "name: demo",
        "on:",
        "  push:",
        "    branches: [main, next]",
        "  pull_request:",
        "env:",
        "  PORT: \"8080\"  ",
        "jobs:",
        "  one:",
        "    steps:",
        "      - uses: actions/checkout@v4",
        "      - name: Run",
        "        if: always()",
        "        run: |",
        "          echo \"a # not a comment\"",
        "",
        "          exit 0",
        "      - run: echo plain # a comment",
        ""));

    assertEquals("demo", doc.get("name"));
    assertEquals(Map.of("branches", List.of("main", "next")),
        ((Map<?, ?>) doc.get("on")).get("push"));
    assertEquals("", ((Map<?, ?>) doc.get("on")).get("pull_request"));
    assertEquals(Map.of("PORT", "8080"), doc.get("env"));
    List<?> steps = (List<?>) ((Map<?, ?>) ((Map<?, ?>) doc.get("jobs")).get("one"))
        .get("steps");
    assertEquals(3, steps.size());
    assertEquals(Map.of("uses", "actions/checkout@v4"), steps.get(0));
    assertEquals("echo \"a # not a comment\"\n\nexit 0\n", ((Map<?, ?>) steps.get(1)).get("run"));
    assertEquals("always()", ((Map<?, ?>) steps.get(1)).get("if"));
    assertEquals("echo plain", ((Map<?, ?>) steps.get(2)).get("run"));
  }

  @Test
  void refusesBrokenYaml() {
    for (String broken : List.of(
        "a: 1\n  b: 2\n",              // deeper than its mapping
        "a: 1\na: 2\n",                // duplicate key
        "a:\n\tb: 1\n",                // tab
        "a: [1, 2\n",                  // unterminated
        "just words\n",                // not key: value
        "a: |\nb: 1\n",                // empty literal
        "a: 1\n---\nb: 2\n",           // two documents
        "a: &x 1\n")) {                // anchors
      assertThrows(IllegalArgumentException.class, () -> WorkflowYaml.parse(broken), broken);
    }
  }
}
