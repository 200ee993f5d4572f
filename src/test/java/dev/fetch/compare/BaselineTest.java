package dev.fetch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetch.testing.Golden;
import dev.fetch.testing.SampleComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code --baseline} and checking it against the plan, before any run. */
class BaselineTest {
  @TempDir Path dir;

  private PlanBuilder plan() {
    return ComparePlan.builder().list(SampleComparison.LIST, 8)
        .listSha256(SampleComparison.LIST_SHA256)
        .combinations(SampleComparison.COMBINATIONS).runs(6).warmup(1).seed(1);
  }

  private String write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  @Test
  void readsItsOwnExportWithEveryUsableRun() {
    Baseline b = SampleComparison.baseline();

    assertEquals("fetch-compare/2", b.schema());
    assertEquals(SampleComparison.LIST_SHA256, b.listSha256());
    assertEquals(List.of("sequential:1", "threads:2", "threads:8"),
        List.copyOf(b.times().keySet()));
    assertEquals(6, b.times().get("sequential:1").size(), "warm-ups left out");
    assertEquals(5, b.times().get("threads:2").size(), "the failed run left out");
    assertEquals(4, b.environment().cores());
  }

  /** An export of the first schema (fetch before this change) is read too. */
  @Test
  void readsTheFirstSchema() throws IOException {
    Baseline b = BaselineFile.read(write("v1.json", Golden.read("compare-v1.json")));

    assertEquals("fetch-compare/1", b.schema());
    assertNull(b.listSha256(), "the first schema had no digest");
    assertEquals(3, b.times().get("sequential:1").size());
    assertEquals(2, b.times().get("threads:2").size());
    ComparePlan p = plan().baseline(b, false).maxRegression("10").build();
    assertEquals(0.1, p.maxRegression(), 1e-12);
    assertTrue(b.sameList(SampleComparison.LIST, 8, "anything"), "by name and URL count");
  }

  @Test
  void everyProblemWithTheFileIsAUsageErrorNamingIt() throws IOException {
    String missing = dir.resolve("nope.json").toString();
    assertEquals("--baseline " + missing + ": no such file", message(missing));
    assertEquals("--baseline " + dir + ": it is a directory", message(dir.toString()));
    String text = write("t.json", "not json");
    assertTrue(message(text).startsWith("--baseline " + text + ": not JSON ("), message(text));
    String other = write("o.json", "{\"schema\":\"fetch-compare/9\",\"results\":[]}");
    assertEquals("--baseline " + other + ": not a fetch compare --export-json file of a schema "
        + "this version reads (fetch-compare/1, fetch-compare/2); its schema is "
        + "'fetch-compare/9'", message(other));
    String empty = write("e.json", "{\"schema\":\"fetch-compare/2\",\"results\":[]}");
    assertEquals("--baseline " + empty + ": it has no results", message(empty));
    String array = write("a.json", "[1, 2]");
    assertEquals("--baseline " + array + ": not a fetch compare --export-json file",
        message(array));
  }

  private String message(String file) {
    return assertThrows(PlanException.class,
        () -> plan().baselineFile(file, false).build()).getMessage();
  }

  @Test
  void anotherListIsAnErrorUnlessAllowed() {
    Baseline b = SampleComparison.baseline();
    PlanBuilder other = ComparePlan.builder().list("other.txt", 9).listSha256("ab".repeat(32))
        .combinations(SampleComparison.COMBINATIONS).runs(6).seed(1);

    PlanException e = assertThrows(PlanException.class, () -> other.baseline(b, false).build());
    assertEquals("--baseline baseline.json measured another list (sample-urls.txt, 8 URLs, "
        + "SHA-256 " + SampleComparison.LIST_SHA256.substring(0, 12) + "; now other.txt, 9 "
        + "URLs, SHA-256 abababababab); add --allow-different-list to compare anyway",
        e.getMessage());
    ComparePlan allowed = ComparePlan.builder().list("other.txt", 9)
        .listSha256("ab".repeat(32)).combinations(SampleComparison.COMBINATIONS).runs(6)
        .seed(1).baseline(b, true).build();
    assertEquals(b, allowed.baseline());
  }

  @Test
  void theSameListUnderAnotherNameIsTheSameList() {
    ComparePlan p = ComparePlan.builder().list("/ci/checkout/seed.txt", 8)
        .listSha256(SampleComparison.LIST_SHA256).combinations(SampleComparison.COMBINATIONS)
        .baseline(SampleComparison.baseline(), false).build();
    assertEquals("baseline.json", p.baseline().file());
  }

  @Test
  void aBaselineSharingNoCombinationIsAnError() {
    PlanException e = assertThrows(PlanException.class, () -> ComparePlan.builder()
        .list(SampleComparison.LIST, 8).listSha256(SampleComparison.LIST_SHA256)
        .combinations(List.of(new Combination(dev.fetch.strategy.Mode.ASYNC, 3)))
        .baseline(SampleComparison.baseline(), false).build());
    assertEquals("--baseline baseline.json has none of the compared combinations (async:3); it "
        + "has sequential:1, threads:2, threads:8", e.getMessage());
  }

  @Test
  void maxRegressionNeedsABaselineAndAPercentage() {
    assertEquals("--max-regression needs --baseline, the earlier --export-json to compare with",
        assertThrows(PlanException.class, () -> plan().maxRegression("10%").build())
            .getMessage());
    for (String bad : List.of("ten", "-5%", "1001%", "10%%")) {
      PlanException e = assertThrows(PlanException.class, () -> plan()
          .baseline(SampleComparison.baseline(), false).maxRegression(bad).build(), bad);
      assertEquals("--max-regression: '" + bad + "' is not a percentage from 0 to 1000 (write "
          + "10% or 10)", e.getMessage());
    }
    assertEquals(0.025, plan().baseline(SampleComparison.baseline(), false)
        .maxRegression(" 2.5 % ").build().maxRegression(), 1e-12);
  }

  @Test
  void confidenceIsCheckedToo() {
    assertEquals(0.99, plan().confidence("99%").build().confidence().level(), 1e-12);
    assertEquals("99.9%", plan().confidence("0.999").build().confidence().label());
    assertEquals("--confidence: '1' is not a confidence level between 50% and 99.9% (write 0.95 "
        + "or 95%)", assertThrows(PlanException.class,
            () -> plan().confidence("1").build()).getMessage());
    assertFalse(plan().build().baseline() != null, "no baseline unless asked");
  }
}
