package dev.fetch.output;

import static dev.fetch.output.TextFormatterTest.HTTP_FAILURE;
import static dev.fetch.output.TextFormatterTest.NORMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printer when {@code --save-failed} cannot be written: the run is reported in full. As the
 * engine does, each failure is followed by {@code notDownloaded} with its URL.
 */
class ResultPrinterTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aFullDiskForTheFailedListIsReportedOnceAndTheSummaryStillPrinted() throws IOException {
    Path target = Files.writeString(dir.resolve("failed.txt"), "http://old.test/\n");
    ResultPrinter printer = new ResultPrinter(new TextFormatter(), new PrintWriter(out),
        new PrintWriter(err), target, Progress.none(new PrintWriter(err)), false,
        file -> new FailedListTest.FullDiskWriter());

    printer.started();
    printer.accept(HTTP_FAILURE, Duration.ZERO);
    printer.notDownloaded(HTTP_FAILURE.url());
    printer.accept(HTTP_FAILURE, Duration.ZERO);
    printer.notDownloaded(HTTP_FAILURE.url());
    printer.finish(NORMAL);
    printer.close();

    assertEquals("fetch: --save-failed: cannot write " + target + " (No space left on device)\n",
        err.toString(), "reported once, as it happens");
    assertEquals(2, out.toString().lines().filter(l -> l.startsWith("FAILED ")).count(),
        "every result is still printed");
    assertTrue(out.toString().endsWith(new TextFormatter().summary(NORMAL)), out.toString());
    assertFalse(printer.failedListSaved());
    assertEquals("http://old.test/\n", Files.readString(target), "the target is untouched");
    assertEquals(List.of("failed.txt"), names());
  }

  @Test
  void aFailureWhenTheListIsFinishedIsReportedAfterTheSummary() throws IOException {
    Path target = Files.writeString(dir.resolve("failed.txt"), "http://old.test/\n");
    ResultPrinter printer = new ResultPrinter(new CsvFormatter(), new PrintWriter(out),
        new PrintWriter(err), target, Progress.none(new PrintWriter(err)), true,
        file -> new java.io.BufferedWriter(new FailedListTest.FullDiskWriter()));

    printer.started();
    printer.accept(HTTP_FAILURE, Duration.ZERO);
    printer.notDownloaded(HTTP_FAILURE.url());
    printer.finish(NORMAL);
    printer.close();

    assertEquals(new TextFormatter().summary(NORMAL) + "fetch: --save-failed: cannot write "
        + target + " (No space left on device)\n", err.toString());
    assertFalse(printer.failedListSaved());
    assertEquals("http://old.test/\n", Files.readString(target));
  }

  @Test
  void aWrittenListIsSaved() throws IOException {
    Path target = dir.resolve("failed.txt");
    ResultPrinter printer = new ResultPrinter(new TextFormatter(), new PrintWriter(out),
        new PrintWriter(err), target, Progress.none(new PrintWriter(err)), true);

    printer.started();
    printer.accept(HTTP_FAILURE, Duration.ZERO);
    printer.notDownloaded(HTTP_FAILURE.url());
    printer.finish(NORMAL);
    printer.close();

    assertTrue(printer.failedListSaved());
    assertEquals(HTTP_FAILURE.url() + "\n", Files.readString(target));
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
