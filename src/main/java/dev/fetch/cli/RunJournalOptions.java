package dev.fetch.cli;

import dev.fetch.engine.DoneUrls;
import dev.fetch.input.Input;
import dev.fetch.input.Inputs;
import dev.fetch.log.Diagnostics;
import dev.fetch.output.OutputPaths;
import dev.fetch.output.ResultsJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that make a long run restartable (a picocli mixin of {@link FetchCommand}):
 * {@code --results} journals every result as it arrives, {@code --skip-done} skips the URLs a
 * journal says are done. {@code fetch compare} refuses both ({@link CompareRefusedOptions}).
 * Everything is checked, and the journals to skip by read whole, before the first request.
 */
final class RunJournalOptions {
  @Option(names = "--results", paramLabel = "FILE",
      description = "Append every result to FILE as it arrives, one JSON line each as -f jsonl "
          + "prints it, and the summary line at the end, whatever the format: a journal that "
          + "survives a crash up to its last complete line, for --skip-done.")
  Path results;

  @Option(names = "--skip-done", paramLabel = "FILE",
      description = "Skip, without a request, each URL whose last result in FILE (a --results "
          + "journal or -f jsonl output) is a success: its result is skipped. Matched by URL, so "
          + "the list may change between runs. Repeatable; later files win.")
  List<Path> skipDone;

  /**
   * Checks the options: the journal can be appended to, and is none of the files the run reads
   * or replaces (a list, {@code --save-failed}, {@code --trace}), each file to skip by can be
   * read.
   *
   * @throws ParameterException naming the option and the file otherwise
   */
  void check(CommandSpec spec, Inputs inputs, Path saveFailed, Path trace) {
    if (results != null) {
      if (results.toString().equals("-")) {
        throw new ParameterException(spec.commandLine(), "--results needs a file: results go "
            + "to standard output already (-f jsonl)");
      }
      String problem = OutputPaths.problem(results.toString());
      if (problem != null) {
        throw new ParameterException(spec.commandLine(), "--results: cannot write "
            + Diagnostics.printable(results.toString()) + " (" + problem + ")");
      }
      String clash = sameFile(results, saveFailed) ? "the --save-failed file, which replaces it"
          : sameFile(results, trace) ? "the --trace file, which replaces it" : null;
      for (Input input : inputs.all()) {
        if (clash == null && input instanceof Input.ListFile
            && sameFile(results, Path.of(((Input.ListFile) input).path()))) {
          clash = "a list this run reads";
        }
      }
      if (clash != null) {
        throw new ParameterException(spec.commandLine(), "--results "
            + Diagnostics.printable(results.toString()) + " is " + clash
            + ": the journal must be a file of its own");
      }
    }
    for (Path journal : skipDone()) {
      String problem = !Files.exists(journal) ? "no such file"
          : Files.isDirectory(journal) ? "it is a directory"
          : !Files.isReadable(journal) ? "not readable" : null;
      if (problem != null) {
        throw new ParameterException(spec.commandLine(), "--skip-done: cannot read "
            + Diagnostics.printable(journal.toString()) + " (" + problem + ")");
      }
    }
  }

  /**
   * Reads the journals to skip by, warning on {@code err} about lines that are not results.
   *
   * @throws ParameterException if one cannot be read
   */
  DoneUrls doneUrls(CommandSpec spec, PrintWriter err) {
    if (skipDone().isEmpty()) {
      return DoneUrls.NONE;
    }
    try {
      return DoneUrls.read(skipDone(), warning -> {
        err.println("fetch: " + Diagnostics.printable(warning));
        err.flush();
      });
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--skip-done: cannot read "
          + Diagnostics.printable(e.getMessage()));
    }
  }

  /** The journal to write, opened when the run starts; null without {@code --results}. */
  ResultsJournal journal(PrintWriter err) {
    return results == null ? null : new ResultsJournal(results, err);
  }

  /** Whether {@code a} and {@code b} name one file (or would, once created). */
  private static boolean sameFile(Path a, Path b) {
    if (b == null || b.toString().equals("-")) {
      return false;
    }
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private List<Path> skipDone() {
    return skipDone == null ? List.of() : skipDone;
  }
}
