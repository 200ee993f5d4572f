package dev.fetch.worker;

import dev.fetch.download.DownloadSettings;
import dev.fetch.log.Diagnostics;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Worker JVMs started before their run needs them: while the parent still reads its list and
 * builds its run, the children boot and build their downloader (a JVM's start-up is most of a
 * worker's cost). A spare is a started {@code java} process that has been sent the run's
 * settings, the first message a pool sends any worker, and no task; a {@link WorkerPool} whose
 * thread needs a worker takes a spare started for the same {@link WorkerJvm} with the same
 * arguments and the same settings ({@link #claim}) and goes on exactly as with a process it had
 * just started itself.
 *
 * <p>{@link #close} kills, with SIGKILL, every spare of this batch that no pool took: a spare
 * has no task and no file, so nothing is lost; it also waits (at most {@value #KILL_WAIT_MILLIS}
 * ms in all) for them to be gone, so no child outlives its run. A spare whose parent dies sees
 * its input end and exits (see {@link WorkerMain}). Starting a spare never throws: a JVM that
 * cannot be started is left to the pool, which starts its workers as before and reports the
 * failure where it always did.
 *
 * <p>Thread-safe: spares wait in one queue for the whole JVM; each is claimed at most once.
 */
public final class WorkerSpares implements AutoCloseable {
  private static final long KILL_WAIT_MILLIS = 1_000;
  /** Every unclaimed spare of every batch. */
  private static final Queue<Spare> WAITING = new ConcurrentLinkedQueue<>();

  private final List<Spare> batch;

  private WorkerSpares(List<Spare> batch) {
    this.batch = batch;
  }

  /** A started JVM, its launch, and what it was started for. */
  record Spare(Process process, WorkerJvm.Launch launch, WorkerJvm jvm, boolean verbose,
      boolean progress, String settingsMessage) {}

  /**
   * Starts {@code count} worker JVMs for {@code jvm}, none when {@code count} is zero or less.
   *
   * @param verbose and
   * @param progress the arguments the pool will start its workers with; a spare with others is
   *     never claimed
   * @param settings the run's settings, sent to each spare at once
   */
  public static WorkerSpares start(WorkerJvm jvm, int count, boolean verbose, boolean progress,
      DownloadSettings settings, Diagnostics log) {
    String message = WireFormat.settings(settings);
    List<Spare> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      WorkerJvm.Launch launch = jvm.launch(verbose, progress);
      try {
        Process process = WorkerProcess.spawn(launch);
        tell(process, message);
        Spare spare = new Spare(process, launch, jvm, verbose, progress, message);
        batch.add(spare);
        WAITING.add(spare);
        log.debug(() -> "started a spare worker, pid " + process.pid() + ", "
            + JvmClock.sinceStart() + ": " + String.join(" ", launch.command()));
      } catch (IOException | RuntimeException e) {
        log.debug(() -> "cannot start a spare worker (" + e + "): workers start when needed");
        discardDump(launch);
        break;
      }
    }
    return new WorkerSpares(batch);
  }

  /**
   * Takes a waiting spare started for {@code jvm} with these arguments and sent this settings
   * message, or null if there is none. A spare that has already exited is still handed out: its
   * first task finds out, and the pool replaces it as it would any worker that died.
   */
  static Spare claim(WorkerJvm jvm, boolean verbose, boolean progress, String settingsMessage) {
    for (Spare spare : WAITING) {
      if (spare.jvm() == jvm && spare.verbose() == verbose && spare.progress() == progress
          && spare.settingsMessage().equals(settingsMessage)
          && !(jvm.archiveIsOff() && jvm.usesArchive(spare.launch()))
          && WAITING.remove(spare)) {
        return spare;
      }
    }
    return null;
  }

  /** The process ids of this batch's spares, claimed or not, in the order they started. */
  List<Long> pids() {
    return batch.stream().map(spare -> spare.process().pid()).collect(Collectors.toList());
  }

  /** How many spares of this batch no pool has taken yet. */
  int unclaimed() {
    return (int) batch.stream().filter(WAITING::contains).count();
  }

  /** Kills the spares of this batch that no pool took, and waits briefly for them to go. */
  @Override
  public void close() {
    List<Spare> left = new ArrayList<>();
    for (Spare spare : batch) {
      if (WAITING.remove(spare)) {
        spare.process().destroyForcibly();
        left.add(spare);
      }
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_WAIT_MILLIS);
    boolean interrupted = false;
    for (Spare spare : left) {
      try {
        long wait = Math.max(0, deadline - System.nanoTime());
        spare.process().waitFor(wait, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
      discardDump(spare.launch());
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends a spare its settings. A spare that died at once is not an error here: the first task
   * sent to it finds out, and its pool says how.
   */
  private static void tell(Process process, String message) {
    try {
      OutputStream input = process.getOutputStream();
      input.write((message + "\n").getBytes(StandardCharsets.UTF_8));
      input.flush();
    } catch (IOException e) {
      // Left to the first task, as above.
    }
  }

  /** A spare that was to write the class-data archive at exit and never will. */
  private static void discardDump(WorkerJvm.Launch launch) {
    Path dumpTo = launch.dumpTo();
    if (dumpTo != null) {
      try {
        Files.deleteIfExists(dumpTo);
      } catch (IOException ignored) {
        // Best effort: a later run makes the archive.
      }
    }
  }
}
