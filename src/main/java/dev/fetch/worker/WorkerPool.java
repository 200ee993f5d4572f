package dev.fetch.worker;

import dev.fetch.save.DirectorySink;
import dev.fetch.download.CookieStore;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.TransferListener;
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
 * <p>A worker that does not answer within {@link #replyDeadline} of being asked (stopped with
 * SIGSTOP, deadlocked) is killed with SIGKILL and counts as a crash exactly like one that died:
 * the URL is tried again on a new worker, up to {@value #MAX_CRASHES} times. With no
 * {@code --timeout} there is no deadline: a download may legitimately take forever.
 *
 * <p>File names for {@code --output-dir} are chosen here, where every URL of the run is seen, and
 * sent with each task, so two workers never pick the same name.
 *
 * <p>Thread-safe. {@link #close} ends every worker: they see their input close and exit;
 * {@link #abandon} kills them at once, for a run that was interrupted.
 */
public final class WorkerPool implements Downloader, AutoCloseable {
  /** How many times one URL may kill its worker before it is given up. */
  public static final int MAX_CRASHES = 3;
  private static final long EXIT_GRACE_MILLIS = 5_000;
  /** How long {@link #abandon} waits for killed workers to be gone before it cleans up. */
  private static final long KILL_WAIT_MILLIS = 1_000;
  /**
   * What a reply may take beyond the longest a URL can legitimately take inside a worker: a
   * loaded machine's scheduling, the result's trip through the pipe.
   */
  static final Duration REPLY_MARGIN = Duration.ofSeconds(5);

  private final WorkerJvm jvm;
  private final DownloadSettings settings;
  private final Ticker ticker;
  private final Diagnostics log;
  private final FileNamer names;
  private final Duration replyDeadline;
  private final CookieStore cookies;
  private final TransferListener transfers;
  private final ThreadLocal<WorkerProcess> own = new ThreadLocal<>();
  private final Set<WorkerProcess> all = ConcurrentHashMap.newKeySet();
  private final AtomicLong crashes = new AtomicLong();
  private volatile boolean closed;
  private volatile boolean abandoned;

  /**
   * @param settings the run's settings, sent whole to every worker
   * @param log receives warnings, debug lines and the workers' standard error lines, prefixed
   *     with their names
   */
  public WorkerPool(WorkerJvm jvm, DownloadSettings settings, Ticker ticker, Diagnostics log) {
    this(jvm, settings, ticker, log, CookieStore.off());
  }

  /**
   * @param cookies the run's cookies, kept in step with every worker's: each task brings the
   *     worker the cookies it has not seen, each result brings back those its download received
   */
  public WorkerPool(WorkerJvm jvm, DownloadSettings settings, Ticker ticker, Diagnostics log,
      CookieStore cookies) {
    this(jvm, settings, ticker, log, cookies, TransferListener.NONE);
  }

  /**
   * As above, the workers telling {@code transfers} about their bodies as they read them (not
   * when it is {@link TransferListener#NONE}).
   */
  public WorkerPool(WorkerJvm jvm, DownloadSettings settings, Ticker ticker, Diagnostics log,
      CookieStore cookies, TransferListener transfers) {
    this(jvm, settings, ticker, log, REPLY_MARGIN, cookies, transfers);
  }

  /**
   * @param ticker the clock of elapsed times and of reply deadlines
   * @param margin added to the longest a URL can take, to make the reply deadline
   */
  WorkerPool(WorkerJvm jvm, DownloadSettings settings, Ticker ticker, Diagnostics log,
      Duration margin) {
    this(jvm, settings, ticker, log, margin, CookieStore.off(), TransferListener.NONE);
  }

  private WorkerPool(WorkerJvm jvm, DownloadSettings settings, Ticker ticker, Diagnostics log,
      Duration margin, CookieStore cookies, TransferListener transfers) {
    this.cookies = cookies;
    this.transfers = transfers;
    this.jvm = jvm;
    this.settings = settings;
    this.ticker = ticker;
    this.log = log;
    this.names = settings.outputDir() == null ? null : new FileNamer();
    this.replyDeadline = replyDeadline(settings, margin);
  }

  /**
   * The longest the parent waits for a worker's answer about one attempt (the parent retries):
   * the whole connect timeout and timeout, plus {@code margin}. Null (no deadline) when
   * {@code timeout} is zero, i.e. unlimited, or the sum does not fit a {@link Duration} of
   * nanoseconds.
   */
  static Duration replyDeadline(DownloadSettings settings, Duration margin) {
    if (settings.timeout().isZero()) {
      return null;
    }
    try {
      return Duration.ofNanos(Math.addExact(Math.addExact(settings.connectTimeout().toNanos(),
          settings.timeout().toNanos()), margin.toNanos()));
    } catch (ArithmeticException tooLong) {
      return null;
    }
  }

  @Override
  public DownloadResult download(DownloadRequest request) {
    long start = ticker.read();
    String file = request.path() != null || names == null ? request.path()
        : names.nameFor(request.index(), request.url());
    for (int crashed = 0; ; ) {
      WorkerProcess worker = own.get();
      try {
        if (worker == null) {
          worker = start();
        }
        DownloadResult result = worker.download(request, file, replyDeadline);
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
   * Ends a run that was abandoned (interrupted): kills every worker at once with SIGKILL, so a
   * stuck worker cannot delay the partial summary, then waits at most {@value #KILL_WAIT_MILLIS}
   * ms in all for them to be gone and deletes the partial files they leave (a killed worker
   * cannot). A worker writing the class-data sharing archive leaves none (the next run makes it
   * again). Downloads still waiting for a worker end as failures {@code stopped: the run ended}.
   */
  public void abandon() {
    abandoned = true;
    closed = true;
    List<WorkerProcess> workers = new ArrayList<>(all);
    workers.forEach(WorkerProcess::kill);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_WAIT_MILLIS);
    boolean interrupted = false;
    for (WorkerProcess worker : workers) {
      try {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        worker.awaitExit(Math.max(left, 0));
      } catch (InterruptedException e) {
        interrupted = true;
      }
      all.remove(worker);
      if (settings.outputDir() != null) {
        deleteTemporaryFiles(worker.pid());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Closes every worker's input and waits a few seconds for them to exit (and the one writing
   * the class-data sharing archive to finish it), then kills what is left. For a run that ended
   * normally; an interrupted run calls {@link #abandon} instead.
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

  /**
   * This thread's worker: a {@link WorkerSpares spare} started earlier for the same JVM and
   * arguments if one waits, else a new one.
   */
  private WorkerProcess start() throws IOException {
    boolean verbose = log.verbose();
    boolean progress = transfers != TransferListener.NONE;
    String owner = Thread.currentThread().getName();
    String settingsMessage = WireFormat.settings(settings);
    WorkerSpares.Spare spare = WorkerSpares.claim(jvm, verbose, progress, settingsMessage);
    WorkerProcess worker;
    if (spare != null) {
      log.debug(() -> owner + " takes the spare worker pid " + spare.process().pid() + " "
          + JvmClock.sinceStart());
      worker = WorkerProcess.adopt(spare.process(), spare.launch(), owner, settingsMessage, true,
          ticker, log, cookies, transfers);
    } else {
      WorkerJvm.Launch launch = jvm.launch(verbose, progress);
      log.debug(() -> "starting a worker " + JvmClock.sinceStart() + ": "
          + String.join(" ", launch.command()));
      worker = WorkerProcess.start(launch, owner, settings, ticker, log, cookies, transfers);
    }
    all.add(worker);
    own.set(worker);
    if (abandoned) {
      worker.kill();
    } else if (closed) {
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
