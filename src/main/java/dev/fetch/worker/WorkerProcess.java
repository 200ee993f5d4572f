package dev.fetch.worker;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.log.Diagnostics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * worker dies ({@link WorkerCrashedException}) or the thread is interrupted. {@link #close} and
 * {@link #kill} may be called from any thread.
 */
final class WorkerProcess {
  /** Put on the reply queue when the worker's output ends: it has exited or is exiting. */
  private static final Object END = new Object();

  private final Process process;
  private final String name;
  private final Writer input;
  private final WorkerJvm.Launch launch;
  private final Diagnostics log;
  private final long started = System.nanoTime();
  private final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
  private volatile boolean ready;

  private WorkerProcess(Process process, String name, WorkerJvm.Launch launch,
      Diagnostics log) {
    this.process = process;
    this.log = log;
    this.name = name;
    this.launch = launch;
    this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * Starts a worker and sends it {@code settings}; does not wait for it to be ready.
   *
   * @param owner the name of the parent thread that will use it, e.g. {@code worker-3}
   * @param log where warnings and the worker's standard error lines go, the latter prefixed
   *     with the worker's name
   */
  static WorkerProcess start(WorkerJvm.Launch launch, String owner, DownloadSettings settings,
      Diagnostics log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(launch.command());
    builder.environment().put("CLASSPATH", launch.classPath());
    Process process = builder.start();
    WorkerProcess worker = new WorkerProcess(process, owner + "/pid-" + process.pid(), launch,
        log);
    daemon(worker.name + "-out", worker::readMessages);
    daemon(worker.name + "-err", () -> forward(process.getErrorStream(),
        line -> log.line("[" + worker.name + "] " + printable(line))));
    try {
      worker.send(WireFormat.settings(settings));
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
   * @param file the name to save the body under, or null when bodies are not saved
   * @throws WorkerCrashedException if the worker died (or stopped making sense) first
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  DownloadResult download(DownloadRequest request, String file)
      throws WorkerCrashedException, InterruptedException {
    try {
      send(WireFormat.task(request, file));
    } catch (IOException e) {
      throw crashed();
    }
    Object reply = replies.take();
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
        if (message.type().equals(WireFormat.READY)) {
          ready = true;
          log.debug(() -> name + " ready in "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        } else {
          replies.add(WireFormat.result(message, name));
        }
      } catch (RuntimeException e) {
        log.warn(name + " sent a malformed message (" + e.getMessage() + ")");
        kill();
      }
    });
    replies.add(END);
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
