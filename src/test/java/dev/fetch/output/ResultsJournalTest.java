package dev.fetch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.ErrorKind;
import dev.fetch.engine.RunSummary;
import dev.fetch.engine.SetupException;
import dev.fetch.testing.Umask;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --results} journal: the {@code -f jsonl} lines of every result as it arrives, the
 * summary at the end; appended to, never truncated; a file a crash cut inside a line gets its line
 * ended first; a new file what the umask allows.
 */
class ResultsJournalTest {
  private static final JsonLinesFormatter JSONL = new JsonLinesFormatter();
  private static final DownloadResult A = new DownloadResult.Success(0, "http://h.test/a", 200,
      5, Duration.ofMillis(3), 1, "t1", "http/1.1").savedAs("a", 5);
  private static final DownloadResult B = new DownloadResult.Failure(1, "http://***@h.test/b",
      503, 10, Duration.ofMillis(2), 3, "t2", ErrorKind.HTTP, "HTTP 503", null);
  private static final RunSummary SUMMARY = new RunSummary("threads", 2, 2, 1, 1, 15,
      Duration.ofMillis(9), 0, false, 0, 0, 0);

  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private ResultsJournal journal(Path file) {
    return new ResultsJournal(file, new PrintWriter(err, true));
  }

  @Test
  void everyResultIsItsJsonLineWrittenAsItArrivesThenTheSummary() throws IOException {
    Path file = dir.resolve("run.jsonl");
    try (ResultsJournal journal = journal(file)) {
      journal.started();
      assertEquals("", Files.readString(file), "created when the run starts");
      journal.accept(A, Duration.ZERO);
      assertEquals(JSONL.result(A), Files.readString(file), "in the file before the next result");
      journal.accept(B, Duration.ZERO);
      journal.finish(SUMMARY);
    }

    assertEquals(JSONL.result(A) + JSONL.result(B) + JSONL.summary(SUMMARY),
        Files.readString(file));
    assertEquals("", err.toString());
  }

  @Test
  void aSecondRunAppendsToTheFirst() throws IOException {
    Path file = dir.resolve("run.jsonl");
    Files.writeString(file, JSONL.result(A));

    try (ResultsJournal journal = journal(file)) {
      journal.started();
      journal.accept(B, Duration.ZERO);
      journal.finish(SUMMARY);
    }

    assertEquals(JSONL.result(A) + JSONL.result(B) + JSONL.summary(SUMMARY),
        Files.readString(file));
  }

  /** A run killed mid-line left half of it: the next run's lines start on a line of their own. */
  @Test
  void aFileEndingInsideALineGetsItsLineEndedFirst() throws IOException {
    Path file = dir.resolve("run.jsonl");
    String cut = JSONL.result(A).substring(0, 30);
    Files.writeString(file, cut);

    try (ResultsJournal journal = journal(file)) {
      journal.started();
      journal.accept(B, Duration.ZERO);
    }

    assertEquals(cut + "\n" + JSONL.result(B), Files.readString(file));
  }

  @Test
  void aNewJournalGetsTheUmasksMode() throws IOException {
    Path file = dir.resolve("run.jsonl");
    try (ResultsJournal journal = journal(file)) {
      journal.started();
    }

    assertEquals(Umask.modeOfANewFile(dir),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void aJournalThatCannotBeOpenedStopsTheRunBeforeItStarts() {
    Path file = dir.resolve("missing-dir").resolve("run.jsonl");
    ResultsJournal journal = journal(file);

    SetupException e = assertThrows(SetupException.class, journal::started);

    assertTrue(e.getMessage().startsWith("--results: cannot write " + file + " ("),
        e.getMessage());
    assertTrue(journal.saved(), "nothing was lost: nothing ran");
  }

  /** A write that fails is said once; the run goes on and {@link ResultsJournal#saved} is false. */
  @Test
  void aWriteThatFailsIsReportedOnceAndTheRunGoesOn() {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "a device whose writes fail with ENOSPC");
    ResultsJournal journal = journal(full);
    journal.started();
    journal.accept(A, Duration.ZERO);
    journal.accept(B, Duration.ZERO);
    journal.finish(SUMMARY);

    assertFalse(journal.saved());
    assertEquals("fetch: --results: cannot write /dev/full (No space left on device)\n",
        err.toString());
  }
}
