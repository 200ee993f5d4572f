package dev.fetch.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export targets are checked up front, and checking writes nothing. */
class OutputTargetsTest {
  @TempDir Path dir;

  @Test
  void checkingNeitherCreatesNorTruncates() throws IOException {
    Path existing = Files.writeString(dir.resolve("old.json"), "keep me");
    Path fresh = dir.resolve("new.csv");

    Path junit = dir.resolve("gates.xml");
    OutputTargets targets = OutputTargets.of(existing.toString(), fresh.toString(), "-",
        junit.toString(), null, null);

    assertEquals("keep me", Files.readString(existing));
    assertFalse(Files.exists(fresh));
    assertFalse(Files.exists(junit));
    assertTrue(targets.toStdout());
    assertTrue(targets.jsonToFile());
    assertEquals(List.of("--export-json", "--export-csv", "--export-markdown", "--export-junit"),
        List.copyOf(targets.byOption().keySet()));
  }

  @Test
  void noTargetWritesNothingToStandardOutput() {
    assertFalse(OutputTargets.NONE.toStdout());
    assertFalse(OutputTargets.NONE.jsonToFile());
    assertFalse(OutputTargets.of("-", null, null, null, null, null).jsonToFile());
  }

  @Test
  void aTraceAndAReportMayNotBothBeStandardOutput() {
    PlanException e = assertThrows(PlanException.class,
        () -> OutputTargets.of(null, null, null, null, "-", "-"));
    assertEquals("--report and --trace both write to standard output (-); send one of them to "
        + "a file", e.getMessage());
  }

  @Test
  void theJunitExportAndMarkdownMayNotBothBeStandardOutput() {
    PlanException e = assertThrows(PlanException.class,
        () -> OutputTargets.of(null, null, "-", "-", null, null));
    assertEquals("--export-markdown and --export-junit both write to standard output (-); send "
        + "one of them to a file", e.getMessage());
  }

  @Test
  void anEmptyPathIsRefused() {
    PlanException e = assertThrows(PlanException.class,
        () -> OutputTargets.of(null, "", null, null, null, null));
    assertEquals("--export-csv: an empty path names no file", e.getMessage());
  }
}
