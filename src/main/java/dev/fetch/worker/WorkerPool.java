package dev.fetch.worker;

import dev.fetch.save.DirectorySink;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Downloader;
import dev.fetch.download.ErrorKind;
import dev.fetch.save.FileNamer;
import dev.fetch.log.Diagnostics;
import dev.fetch.time.Ticker;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Downloader} that hands each download to a worker process of the calling thread's own:
 * a self-healing pool of worker JVMs when called from a fixed pool of threads.
 *
 * <p>Each thread that calls {@link #download} gets a worker the first time (started then, so the
 * workers of a pool boot in parallel, and no more start than there are URLs) and keeps it: a
 * worker is confined to its thread, so its pipes need no locking. If the worker dies before it
 * answers, the crash counts as an attempt, the thread starts a fresh worker and tries the URL
 * again; after {@value #MAX_CRASHES} crashes on one URL its result is a failure of kind
 * {@code worker_crash}. No other URL is affected. A worker that dies leaves its partial file;
 * the pool deletes it.
 *
 * <p>File names for {@code --output-dir} are chosen here, where every URL of the run is seen, and
 * sent with each task, so two workers never pick the same name.
 *
 * <p>Thread-safe. {@link #close} ends every worker: they see their input close and exit.
 */
public final class WorkerPool implements Downloader, AutoCloseable {
  /** How many times one URL may kill its worker before it is given up. */
  public static final int MAX_CRASHES = 3;
  private static final long EXIT_GRACE_MILLIS = 5_000;

  private final WorkerJvm jvm;
  private final DownloadSettings settings;
  private final Ticker ticker;
  private final Diagnostics log;
  private final FileNamer names;
  private final ThreadLocal<WorkerProcess> own = new ThreadLocal<>();
  private final Set<WorkerProcess> all = ConcurrentHashMap.newKeySet();
  private final AtomicLong crashes = new AtomicLong();
  private volatile boolean closed;

  /**
   * @param settings the run's settings, sent whole to every worker
   * @param log receives warnings, debug lines and the workers' standard error lines, prefixed
   *     with their names
   */
  public WorkerPool(WorkerJvm jvm, DownloadSettings settings, Ticker ticker, Diagnostics log) {
    this.jvm = jvm;
    this.settings = settings;
    this.ticker = ticker;
    this.log = log;
    this.names = settings.outputDir() == null ? null : new FileNamer();
  }

  @Override
  public DownloadResult download(DownloadRequest request) {
    long start = ticker.read();
    String file = names == null ? null : names.nameFor(request.index(), request.url());
    for (int crashed = 0; ; ) {
      WorkerProcess worker = own.get();
      try {
        if (worker == null) {
          worker = start();
        }
        DownloadResult result = worker.download(request, file);
        return crashed == 0 ? result : result.afterAttempts(result.attempts() + crashed,
            Duration.ofNanos(ticker.read() - start));
      } catch (IOException | WorkerCrashedException e) {
        own.remove();
        if (worker != null) {
          retire(worker);
        }
        if (closed) {
          return failure(request, start, crashed, ErrorKind.IO, "stopped: the run ended");
        }
        crashed++;
        crashes.incrementAndGet();
        if (crashed >= MAX_CRASHES) {
          log.warn(request.displayUrl() + ": gave up after " + crashed
              + " worker crashes; last: " + e.getMessage());
          return failure(request, start, crashed, ErrorKind.WORKER_CRASH,
              "worker crashed " + crashed + " times; last: " + e.getMessage());
        }
        log.warn(e.getMessage() + " while downloading " + request.displayUrl()
            + "; trying again on a new worker");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failure(request, start, crashed + 1, ErrorKind.IO, "interrupted");
      }
    }
  }

  /** How many workers have died so far. */
  public long crashes() {
    return crashes.get();
  }

  /**
   * Closes every worker's input and waits a few seconds for them to exit (and the one writing
   * the class-data sharing archive to finish it), then kills what is left.
   */
  @Override
  public void close() {
    closed = true;
    List<WorkerProcess> workers = new ArrayList<>(all);
    workers.forEach(WorkerProcess::close);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_GRACE_MILLIS);
    boolean interrupted = false;
    for (WorkerProcess worker : workers) {
      try {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (!worker.awaitExit(Math.max(left, 0))) {
          worker.kill();
        } else if (worker.dumpTo() != null) {
          jvm.adopt(worker.dumpTo(), log);
        }
      } catch (InterruptedException e) {
        interrupted = true;
        worker.kill();
      }
      all.remove(worker);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private WorkerProcess start() throws IOException {
    WorkerJvm.Launch launch = jvm.launch(log.verbose());
    log.debug(() -> "starting a worker: " + String.join(" ", launch.command()));
    WorkerProcess worker = WorkerProcess.start(launch, Thread.currentThread().getName(),
        settings, log);
    all.add(worker);
    own.set(worker);
    if (closed) {
      worker.close();
    }
    return worker;
  }

  /** Kills a worker that failed, and removes what it was writing. */
  private void retire(WorkerProcess worker) {
    worker.kill();
    all.remove(worker);
    if (!worker.wasReady() && jvm.usesArchive(worker.launch())) {
      jvm.archiveFailed(log);
    }
    if (settings.outputDir() != null) {
      deleteTemporaryFiles(worker.pid());
    }
  }

  private void deleteTemporaryFiles(long pid) {
    Path dir = settings.outputDir().toAbsolutePath().normalize();
    String glob = DirectorySink.tempGlob(WorkerMain.tempTag(pid));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      log.debug(() -> "cannot remove " + glob + " in " + dir + ": " + e);
    }
  }

  private DownloadResult failure(DownloadRequest request, long start, int attempts,
      ErrorKind kind, String message) {
    String worker = own.get() == null ? Thread.currentThread().getName() : own.get().name();
    return new DownloadResult.Failure(request.index(), request.displayUrl(), null, 0,
        Duration.ofNanos(ticker.read() - start), attempts, worker, kind, message, null);
  }
}
