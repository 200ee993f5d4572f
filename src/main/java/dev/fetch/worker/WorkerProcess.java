package dev.fetch.worker;

import dev.fetch.download.CookieStore;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.TransferListener;
import dev.fetch.log.Diagnostics;
import dev.fetch.time.Ticker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The parent's handle on one worker process: sends it tasks, waits for its results.
 *
 * <p>Two daemon threads per worker read its pipes: one decodes its standard output into results
 * (anything that is not a message is logged, never taken for a result), the other forwards its
 * standard error, line by line, prefixed with {@code [worker-N/pid-P]}. {@link #download} is
 * called by one thread at a time (the worker's owner); it blocks until the result arrives, the
 * worker dies ({@link WorkerCrashedException}), its deadline passes (the worker is killed and
 * that too is a {@link WorkerCrashedException}) or the thread is interrupted. {@link #close} and
 * {@link #kill} may be called from any thread. A worker started with progress reporting sends
 * {@code progress} messages while it reads a body; the output thread passes them on to the
 * {@link TransferListener}, as calls about the request in progress.
 */
final class WorkerProcess {
  /** Put on the reply queue when the worker's output ends: it has exited or is exiting. */
  private static final Object END = new Object();
  /**
   * The longest a worker may take to start (its JVM boots, it reads the settings and says it is
   * ready) before its first task's deadline starts to count anyway.
   */
  static final Duration STARTUP_ALLOWANCE = Duration.ofSeconds(30);
  /** How often a wait with a deadline looks at the clock again (the ticker may be a fake). */
  private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final Process process;
  private final String name;
  private final Writer input;
  private final WorkerJvm.Launch launch;
  private final Diagnostics log;
  private final Ticker ticker;
  private final long started;
  private final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
  private final CookieStore cookies;
  /**
   * The version of the run's cookies this worker has; read and written by the owner thread only
   * ({@link #download}).
   */
  private long cookiesSeen;
  /** Whether a task was sent yet (for the timeline's debug line); owner thread only. */
  private boolean sentAny;
  private volatile boolean ready;
  /** The ticker's reading when the worker said it was ready; valid once {@link #ready}. */
  private volatile long readyAt;
  private final TransferListener transfers;
  /** The request sent and not yet answered, or null. */
  private volatile DownloadRequest current;
  /** Bytes of {@link #current}'s attempt passed on so far; used by the output thread only. */
  private long passedOn;

  private WorkerProcess(Process process, String name, WorkerJvm.Launch launch, Ticker ticker,
      Diagnostics log, CookieStore cookies, TransferListener transfers) {
    this.cookies = cookies;
    this.transfers = transfers;
    this.process = process;
    this.log = log;
    this.ticker = ticker;
    this.started = ticker.read();
    this.name = name;
    this.launch = launch;
    this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * Starts a worker and sends it {@code settings}; does not wait for it to be ready.
   *
   * @param owner the name of the parent thread that will use it, e.g. {@code worker-3}
   * @param ticker the clock of reply deadlines
   * @param log where warnings and the worker's standard error lines go, the latter prefixed
   *     with the worker's name
   * @param cookies the run's cookies: each task brings the worker those it has not seen, each
   *     result's are stored in it before the result is handed on
   */
  static WorkerProcess start(WorkerJvm.Launch launch, String owner, DownloadSettings settings,
      Ticker ticker, Diagnostics log, CookieStore cookies) throws IOException {
    return start(launch, owner, settings, ticker, log, cookies, TransferListener.NONE);
  }

  /** As above, the worker's {@code progress} messages passed on to {@code transfers}. */
  static WorkerProcess start(WorkerJvm.Launch launch, String owner, DownloadSettings settings,
      Ticker ticker, Diagnostics log, CookieStore cookies, TransferListener transfers)
      throws IOException {
    return adopt(spawn(launch), launch, owner, WireFormat.settings(settings), false, ticker, log,
        cookies, transfers);
  }

  /** Starts a worker's JVM as {@code launch} says, and tells it nothing yet. */
  static Process spawn(WorkerJvm.Launch launch) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(launch.command());
    builder.environment().put("CLASSPATH", launch.classPath());
    return builder.start();
  }

  /**
   * Takes charge of a worker JVM started with {@link #spawn} (just now, or earlier as a
   * {@link WorkerSpares spare}) and sends it its settings message unless {@code settingsSent}
   * (a spare got it when it started); does not wait for it to be ready. Other arguments as for
   * {@link #start}.
   *
   * @param settingsMessage the run's settings, encoded ({@link WireFormat#settings})
   */
  static WorkerProcess adopt(Process process, WorkerJvm.Launch launch, String owner,
      String settingsMessage, boolean settingsSent, Ticker ticker, Diagnostics log,
      CookieStore cookies, TransferListener transfers) {
    WorkerProcess worker = new WorkerProcess(process, owner + "/pid-" + process.pid(), launch,
        ticker, log, cookies, transfers);
    daemon(worker.name + "-out", worker::readMessages);
    daemon(worker.name + "-err", () -> forward(process.getErrorStream(),
        line -> log.line("[" + worker.name + "] " + printable(line))));
    if (settingsSent) {
      return worker;
    }
    try {
      worker.send(settingsMessage);
    } catch (IOException e) {
      // It died at once; the first download will find out and say how.
    }
    return worker;
  }

  /** The worker's name in results: {@code worker-N/pid-P}. */
  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  /** How it was started. */
  WorkerJvm.Launch launch() {
    return launch;
  }

  /** Where it writes the class-data sharing archive at exit, or null. */
  Path dumpTo() {
    return launch.dumpTo();
  }

  /** Whether it ever said it was ready (its JVM started and it built its downloader). */
  boolean wasReady() {
    return ready;
  }

  /**
   * Has the worker download {@code request} and returns its result.
   *
   * <p>With a {@code deadline}, the wait for the reply is bounded: it counts from when the task
   * was sent or the worker became ready, whichever is later (a worker that is not ready yet gets
   * {@link #STARTUP_ALLOWANCE} to become so), on the ticker. A worker that has not answered by
   * then (stopped with SIGSTOP, deadlocked) is killed with SIGKILL.
   *
   * @param file the name to save the body under, or null when bodies are not saved
   * @param deadline the longest the reply may take, or null to wait as long as it takes
   * @throws WorkerCrashedException if the worker died, stopped making sense or missed the
   *     deadline first
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  DownloadResult download(DownloadRequest request, String file, Duration deadline)
      throws WorkerCrashedException, InterruptedException {
    long sent = ticker.read();
    CookieStore.Changes news = cookies.changesSince(cookiesSeen);
    current = request;
    Object reply;
    try {
      try {
        send(WireFormat.task(request, file, news.cookies()));
        cookiesSeen = news.version();
        if (!sentAny) {
          sentAny = true;
          log.debug(() -> name + " got its first task " + JvmClock.sinceStart());
        }
      } catch (IOException e) {
        throw crashed();
      }
      reply = deadline == null ? replies.take() : awaitReply(sent, deadline);
    } finally {
      current = null;
    }
    if (reply == END) {
      throw crashed();
    }
    DownloadResult result = (DownloadResult) reply;
    if (result.index() != request.index()) {
      kill();
      throw new WorkerCrashedException(name + " answered for URL #" + result.index()
          + " when asked for #" + request.index());
    }
    return result;
  }

  /** The next reply, or a kill and {@link WorkerCrashedException} once the deadline passes. */
  private Object awaitReply(long sent, Duration deadline)
      throws WorkerCrashedException, InterruptedException {
    long allowed = WireFormat.nanos(deadline);
    while (true) {
      // Looked at afresh each time: the ready message moves the start (and ends the allowance).
      long from = ready ? Math.max(sent, readyAt)
          : Math.max(sent, saturatedAdd(started, WireFormat.nanos(STARTUP_ALLOWANCE)));
      long left = saturatedAdd(from, allowed) - ticker.read();
      if (left <= 0) {
        kill();
        throw new WorkerCrashedException(name + " stopped answering (no reply within "
            + seconds(deadline) + " s)");
      }
      Object reply = replies.poll(Math.min(left, CHECK_NANOS), TimeUnit.NANOSECONDS);
      if (reply != null) {
        return reply;
      }
    }
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
  }

  /** {@code duration} in seconds, e.g. {@code 42} or {@code 2.5}. */
  static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  /** Closes the worker's input: it finishes (cancelling any download) and exits. */
  void close() {
    try {
      input.close();
    } catch (IOException ignored) {
      // Already gone.
    }
  }

  /** Waits up to {@code millis} for the worker to exit; true if it has. */
  boolean awaitExit(long millis) throws InterruptedException {
    return process.waitFor(millis, TimeUnit.MILLISECONDS);
  }

  /** Ends the worker with SIGKILL. */
  void kill() {
    process.destroyForcibly();
  }

  private void send(String message) throws IOException {
    input.write(message);
    input.write('\n');
    input.flush();
  }

  private WorkerCrashedException crashed() throws InterruptedException {
    String how;
    if (process.waitFor(2, TimeUnit.SECONDS)) {
      int code = process.exitValue();
      how = "exited with code " + code + (code > 128 ? " (signal " + (code - 128) + ")" : "");
    } else {
      kill();
      how = "stopped answering";
    }
    return new WorkerCrashedException(name + " " + how);
  }

  /** Runs on the output thread: messages become replies; anything else is logged. */
  private void readMessages() {
    forward(process.getInputStream(), line -> {
      WireFormat.Message message;
      try {
        message = WireFormat.parse(line);
      } catch (IllegalArgumentException e) {
        log.warn(name + " printed on its result stream: " + printable(line));
        return;
      }
      try {
        if (message.type().equals(WireFormat.PROGRESS)) {
          passOn(WireFormat.progress(message));
        } else if (message.type().equals(WireFormat.READY)) {
          readyAt = ticker.read();
          ready = true;
          log.debug(() -> name + " ready " + JvmClock.sinceStart() + ", "
              + TimeUnit.NANOSECONDS.toMillis(readyAt - started) + " ms after the pool took it");
        } else {
          DownloadResult result = WireFormat.result(message, name);
          // Stored before the result is handed on, so the next task of any worker has them.
          WireFormat.cookies(message).forEach(cookies::put);
          replies.add(result);
        }
      } catch (RuntimeException e) {
        log.warn(name + " sent a malformed message (" + e.getMessage() + ")");
        kill();
      }
    });
    replies.add(END);
  }

  /** A {@code progress} message as listener calls about the request in progress, if it is its. */
  private void passOn(WireFormat.Transfer transfer) {
    DownloadRequest request = current;
    if (request == null || request.index() != transfer.index()) {
      return;
    }
    if (transfer.bytes() == 0 || transfer.bytes() < passedOn) {
      transfers.bodyStarted(request, transfer.length());
      passedOn = 0;
    }
    if (transfer.bytes() > passedOn) {
      transfers.read(request, transfer.bytes() - passedOn);
      passedOn = transfer.bytes();
    }
  }

  /** A worker's line with control characters (terminal escapes) shown as {@code ?}. */
  static String printable(String line) {
    StringBuilder text = new StringBuilder(line.length());
    line.codePoints().forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return text.toString();
  }

  /** Reads {@code stream} line by line to its end (or until it fails). */
  private static void forward(InputStream stream, Consumer<String> lines) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream,
        StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        lines.accept(line);
      }
    } catch (IOException ended) {
      // The worker is gone; its output thread reports that through the reply queue.
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }
}
