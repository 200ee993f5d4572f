package dev.fetch.merge;

import dev.fetch.download.DownloadResult;
import dev.fetch.download.Outcome;
import dev.fetch.engine.RunSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Merges the results files of a run split into shards ({@code fetch --shard K/N --results FILE},
 * or {@code -f jsonl} output) into one run: every list index counted once, the totals of a run,
 * and what is wrong with the set — indexes never reported ({@link Coverage}), indexes downloaded
 * twice, an index reported with two URLs, lines that are not results.
 *
 * <p>An index reported several times (a shard re-run with {@code --skip-done} appends its URLs
 * again as skipped; a failure may be retried) counts once, as its best result ({@link Rank}): a
 * request that succeeded over a skipped URL over a failure, the last of equals. Two successful
 * requests for one index are a duplicate (overlapping shards, or a re-run without
 * {@code --skip-done}).
 *
 * <p>Streams: each file is read twice, line by line — first to choose each index's result, kept
 * in an {@link IndexTable} of a few bytes per index, then to hand the chosen lines over in file
 * order — so memory grows with the number of indexes, not of lines or bytes. A line cut short
 * (a run killed while writing it: the last line, or, in a journal appended to by a later run,
 * any line that ends inside its JSON object) is noted and left out. Files must be regular files
 * (read twice). Not thread-safe; {@link #run} once.
 */
public final class ResultsMerge {
  /** At most this many indexes are named in each note. */
  static final int NAMED = 5;

  private final List<Path> files;
  private final Coverage coverage;
  private final Consumer<String> notes;
  private final IndexTable table = new IndexTable();
  private final Set<String> modes = new TreeSet<>();
  private long workers;
  private long workerCrashes;
  private Duration elapsed = Duration.ZERO;
  private long malformed;
  private long outOfRange;

  /** What the merge found besides its summary. */
  public record Report(RunSummary summary, long missing, long duplicates, long conflicts,
      long malformed, long outOfRange) {
    /** Whether every index expected was reported once, by lines all readable. */
    public boolean complete() {
      return missing == 0 && duplicates == 0 && conflicts == 0 && malformed == 0
          && outOfRange == 0;
    }
  }

  /**
   * @param files the results files, in the order their results are handed over
   * @param coverage how many indexes there should be, and how shards deal them
   * @param notes receives each problem found, one line each without a prefix
   */
  public ResultsMerge(List<Path> files, Coverage coverage, Consumer<String> notes) {
    this.files = List.copyOf(files);
    this.coverage = coverage;
    this.notes = notes;
  }

  /**
   * Reads the files, hands each index's chosen result to {@code each} (in file order), and
   * returns the report.
   *
   * @throws IOException if a file cannot be read
   */
  public Report run(Consumer<DownloadResult> each) throws IOException {
    return run(each, false);
  }

  /**
   * As {@link #run(Consumer)}; with {@code failuresOnly}, only the chosen failures are handed
   * over, and the other chosen lines are only counted (read without building their results).
   */
  public Report run(Consumer<DownloadResult> each, boolean failuresOnly) throws IOException {
    long lines = 0;
    for (Path file : files) {
      lines = choose(file, lines);
    }
    BitSet chosen = new BitSet();
    for (int i = 0; i < table.end(); i++) {
      if (table.rank(i) != Rank.NONE) {
        chosen.set(table.winner(i));
      }
    }
    Totals totals = new Totals();
    long ordinal = 0;
    for (Path file : files) {
      ordinal = handOver(file, ordinal, chosen, totals, failuresOnly, each);
    }
    long duplicates = count(IndexTable.DUPLICATE, "downloaded more than once (overlapping "
        + "shards, or a shard re-run without --skip-done)");
    long conflicts = count(IndexTable.CONFLICT, "reported with different URLs: are these "
        + "files of one list?");
    long missing = coverage.missing(table, notes);
    RunSummary summary = new RunSummary(modes.isEmpty() ? "merge" : String.join("+", modes),
        (int) Math.min(Integer.MAX_VALUE, workers), totals.urls, totals.succeeded,
        totals.failed, totals.bytes, elapsed, missing, false, workerCrashes, totals.notModified,
        totals.skipped);
    return new Report(summary, missing, duplicates, conflicts, malformed, outOfRange);
  }

  /** The first pass over one file: records each result's rank; returns the ordinal reached. */
  private long choose(Path file, long ordinal) throws IOException {
    boolean cut = lastLineCut(file);
    int fileWorkers = 0;
    Duration fileElapsed = Duration.ZERO;
    try (BufferedReader in = open(file)) {
      String line = in.readLine();
      long number = 0;
      while (line != null) {
        String next = in.readLine();
        number++;
        ordinal++;
        if (ordinal > Integer.MAX_VALUE) {
          throw new IOException("more than " + Integer.MAX_VALUE + " lines in all");
        }
        if (!line.isBlank()) {
          JournalLine.Key key = null;
          try {
            key = JournalLine.key(line);
          } catch (IllegalArgumentException e) {
            if (next == null && cut || e instanceof JournalLine.CutShort) {
              notes.accept(file + ":" + number + ": a line cut short (a run killed while "
                  + "writing it): left out");
            } else {
              malformed(file + ":" + number + ": not a result line: " + e.getMessage());
            }
          }
          if (key != null && key.isResult()) {
            if (coverage.expected() >= 0 && key.index() >= coverage.expected()) {
              outOfRange++;
              if (outOfRange <= NAMED) {
                notes.accept(file + ":" + number + ": index " + key.index() + " is beyond "
                    + "the " + coverage.expected() + " URLs of the list");
              }
            } else {
              table.record(key.index(), key.rank(), (int) ordinal, key.urlHash());
            }
          } else if (key != null && key.type().equals("summary")) {
            JournalLine parsed;
            try {
              parsed = JournalLine.parse(line);
            } catch (IllegalArgumentException e) {
              malformed(file + ":" + number + ": not a summary line: " + e.getMessage());
              parsed = null;
            }
            if (parsed instanceof JournalLine.Summary) {
              JournalLine.Summary summary = (JournalLine.Summary) parsed;
              modes.add(summary.mode());
              fileWorkers = Math.max(fileWorkers, summary.workers());
              fileElapsed = fileElapsed.plus(summary.elapsed());
              workerCrashes += summary.workerCrashes();
            }
          }
        }
        line = next;
      }
    }
    workers += fileWorkers;
    if (fileElapsed.compareTo(elapsed) > 0) {
      elapsed = fileElapsed;
    }
    return ordinal;
  }

  /** The second pass over one file: hands over the chosen lines; returns the ordinal reached. */
  private long handOver(Path file, long ordinal, BitSet chosen, Totals totals,
      boolean failuresOnly, Consumer<DownloadResult> each) throws IOException {
    try (BufferedReader in = open(file)) {
      String line;
      while ((line = in.readLine()) != null) {
        ordinal++;
        if (ordinal > Integer.MAX_VALUE || !chosen.get((int) ordinal)) {
          continue;
        }
        try {
          if (failuresOnly) {
            JournalLine.Key key = JournalLine.key(line);
            totals.add(key);
            if (key.rank() != Rank.FAILED) {
              continue;
            }
          }
          JournalLine parsed = JournalLine.parse(line);
          if (parsed instanceof JournalLine.Result) {
            DownloadResult result = ((JournalLine.Result) parsed).result();
            if (!failuresOnly) {
              totals.add(result);
            }
            each.accept(result);
          }
        } catch (IllegalArgumentException e) {
          malformed(file + ": a line changed while it was merged, or is not a result line: "
              + e.getMessage());
        }
      }
    }
    return ordinal;
  }

  private void malformed(String note) {
    malformed++;
    if (malformed <= NAMED) {
      notes.accept(note);
    }
  }

  private long count(byte flag, String what) {
    long count = 0;
    StringBuilder named = new StringBuilder();
    for (int i = 0; i < table.end(); i++) {
      if ((table.flags(i) & flag) != 0) {
        count++;
        if (count <= NAMED) {
          named.append(count == 1 ? "" : ", ").append(i);
        }
      }
    }
    if (count > 0) {
      notes.accept(Coverage.number(count) + (count == 1 ? " index " : " indexes ") + what
          + " (index" + (count == 1 ? " " : "es ") + named + (count > NAMED ? ", …)" : ")"));
    }
    return count;
  }

  private static BufferedReader open(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8), 1 << 16);
  }

  /** Whether the file's last byte is not a line end: its last line was cut short. */
  private static boolean lastLineCut(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long size = raf.length();
      if (size == 0) {
        return false;
      }
      raf.seek(size - 1);
      return raf.read() != '\n';
    }
  }

  /** The totals of the chosen results. */
  private static final class Totals {
    long urls;
    long succeeded;
    long failed;
    long bytes;
    long notModified;
    long skipped;

    void add(JournalLine.Key key) {
      urls++;
      bytes += key.bytes();
      if (key.rank() == Rank.FAILED) {
        failed++;
      } else {
        succeeded++;
        if (key.rank() == Rank.SKIPPED) {
          skipped++;
        } else if (key.notModified()) {
          notModified++;
        }
      }
    }

    void add(DownloadResult result) {
      urls++;
      bytes += result.bytes();
      if (result instanceof DownloadResult.Success) {
        succeeded++;
        Outcome outcome = ((DownloadResult.Success) result).outcome();
        if (outcome == Outcome.NOT_MODIFIED) {
          notModified++;
        } else if (outcome == Outcome.SKIPPED) {
          skipped++;
        }
      } else {
        failed++;
      }
    }
  }
}
