package dev.fetch.worker;

import dev.fetch.download.CookieStore;
import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.Downloader;
import dev.fetch.download.ErrorKind;
import dev.fetch.http.DownloaderStack;
import dev.fetch.log.Diagnostics;
import dev.fetch.save.BodySink;
import dev.fetch.save.DirectorySink;
import dev.fetch.time.Ticker;
import dev.fetch.time.Time;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The entry point of a worker process ({@code --mode=processes}): downloads what its parent asks,
 * one URL at a time, and answers in the {@link WireFormat}.
 *
 * <p>Standard output carries messages only: {@code System.out} is pointed at standard error
 * before anything else runs, so a stray print or log line can never corrupt the stream. The
 * worker reads its input on the main thread and downloads on another, so it notices at once when
 * its input closes (the parent exited, normally or killed) and exits, even mid-download. It also
 * exits when its parent process is gone. Either way, and on SIGTERM, shutdown hooks cancel the
 * download in flight and delete its partial file.
 *
 * <p>The first message is the run's {@link DownloadSettings}, whole: the worker applies the JVM
 * network properties it carries before anything connects, then builds the same downloader stack
 * as the parent's in-process modes ({@link DownloaderStack#inWorker}; the parent keeps the
 * per-host limit and the retries, so each task is one attempt), with its share of the rate
 * limit and a copy of the run's cookies that each task brings up to date; each result reports the
 * cookies its download received. With the argument {@value #VERBOSE} it writes debug lines on
 * standard error,
 * which the parent forwards to its diagnostics.
 *
 * <p>Exit codes: 0 when the input ends, 2 on a protocol error.
 */
public final class WorkerMain {
  /**
   * The system property that enables {@link TestHooks}; the parent passes it on to its workers.
   * Off unless set to {@code true}.
   */
  public static final String TEST_HOOKS = "dev.fetch.worker.testHooks";

  /** The argument that turns on debug lines (the parent's {@code -v}). */
  public static final String VERBOSE = "--verbose";
  /** The argument that has a worker report its bodies' progress ({@link ProgressMessages}). */
  public static final String PROGRESS = "--progress";

  private WorkerMain() {}

  public static void main(String[] args) throws IOException {
    PrintStream messages = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
        StandardCharsets.UTF_8);
    System.setOut(System.err);
    ignoreInterrupts();
    watchParent();
    BufferedReader input = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    System.exit(serve(input, messages, args, Duration.ZERO));
  }

  /**
   * Runs the worker in this JVM without a parent: the settings for {@code urls} with a 10 s
   * timeout, one task per URL, then the end of the input, and waits at most 30 s for the
   * answers, which go nowhere. For the launcher's class-data archive training
   * ({@link dev.fetch.cli.ArchiveTraining}), so a worker JVM finds its own classes in the
   * archive. Returns the exit code the worker would have ended with.
   */
  public static int rehearse(List<HttpUrl> urls) throws IOException {
    StringBuilder lines = new StringBuilder(WireFormat.settings(DownloadSettings.builder()
        .workers(2).timeout(Duration.ofSeconds(10)).build())).append('\n');
    for (int i = 0; i < urls.size(); i++) {
      lines.append(WireFormat.task(new DownloadRequest(i, urls.get(i)), null)).append('\n');
    }
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false,
        StandardCharsets.UTF_8);
    return serve(new BufferedReader(new StringReader(lines.toString())), nowhere,
        new String[] {PROGRESS}, Duration.ofSeconds(30));
  }

  /**
   * The worker: reads the settings, then tasks, from {@code input} until it ends; answers on
   * {@code messages}. Returns 0 when the input ends, 2 on a protocol error. At the end of the
   * input it waits up to {@code drain} for the downloads it was given (a worker process does not:
   * it exits at once, its shutdown hook cancelling what is left).
   */
  static int serve(BufferedReader input, PrintStream messages, String[] args, Duration drain)
      throws IOException {
    String first = input.readLine();
    if (first == null) {
      return 0;
    }
    DownloadSettings settings;
    try {
      settings = WireFormat.settings(WireFormat.parse(first));
    } catch (RuntimeException e) {
      System.err.println("fetch worker: protocol error: " + e.getMessage());
      return 2;
    }
    settings.network().apply();
    Diagnostics log = Diagnostics.to(new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        Arrays.asList(args).contains(VERBOSE));
    Map<Integer, String> files = new ConcurrentHashMap<>();
    BodySink bodies = Arrays.asList(args).contains(PROGRESS)
        ? BodySink.reporting(bodySink(settings, files),
            new ProgressMessages(line -> send(messages, line), Ticker.system()))
        : bodySink(settings, files);
    DownloaderStack stack = new DownloaderStack(own(settings), bodies, Time.system(),
        log, null, Boolean.getBoolean(TEST_HOOKS) ? new TestHooks() : null);
    Downloader downloader = stack.inWorker();
    CookieStore cookies = stack.cookies();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.cancelAll();
      bodies.cleanUp();
    }, "fetch-worker-cleanup"));

    ExecutorService downloads = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "download");
      thread.setDaemon(true);
      return thread;
    });
    send(messages, WireFormat.ready(ProcessHandle.current().pid()));
    for (String line; (line = input.readLine()) != null; ) {
      WireFormat.Task task;
      try {
        task = WireFormat.task(WireFormat.parse(line));
      } catch (RuntimeException e) {
        System.err.println("fetch worker: protocol error: " + e.getMessage());
        return 2;
      }
      if (task.file() != null) {
        files.put(task.request().index(), task.file());
      }
      downloads.execute(() -> send(messages, answer(downloader, task, files, cookies)));
    }
    downloads.shutdown();
    if (!drain.isZero()) {
      try {
        downloads.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stack.close();
    }
    return 0;
  }

  /**
   * This worker's settings: the run's, for one download at a time and with its share of the
   * run's rate limit ({@link dev.fetch.download.RequestSettings#shareOf}), so the workers
   * together stay within it.
   */
  static DownloadSettings own(DownloadSettings settings) {
    return settings.toBuilder().workers(1)
        .request(settings.request().shareOf(settings.workers())).build();
  }

  /**
   * Downloads one task and encodes its result message: first stores the cookies the task brings,
   * and reports with the result the cookies the download stored or deleted. Never throws: any
   * exception, while downloading or while encoding the answer, becomes the URL's failure (kind
   * {@code io}, {@code internal error in worker: …}), so the parent always gets an answer, never
   * silence.
   */
  static String answer(Downloader downloader, WireFormat.Task task, Map<Integer, String> files,
      CookieStore cookies) {
    try {
      task.cookies().forEach(cookies::put);
      long before = cookies.version();
      DownloadResult result = downloader.download(task.request());
      return WireFormat.result(result, cookies.changesSince(before).cookies());
    } catch (RuntimeException | Error e) {
      return WireFormat.result(new DownloadResult.Failure(task.request().index(),
          task.request().displayUrl(), null, 0, Duration.ZERO, 1, null, ErrorKind.IO,
          "internal error in worker: " + e, null));
    } finally {
      files.remove(task.request().index());
    }
  }

  /** Saves under the names the parent chose, so names are unique across all workers. */
  private static BodySink bodySink(DownloadSettings settings, Map<Integer, String> files)
      throws IOException {
    if (settings.outputDir() == null) {
      return BodySink.discarding();
    }
    return DirectorySink.open(settings.outputDir(), request -> files.get(request.index()),
        tempTag(ProcessHandle.current().pid()), settings.save());
  }

  /** The tag of a worker's temporary files, so its parent can remove them if it dies. */
  public static String tempTag(long pid) {
    return "w" + pid + "-";
  }

  private static void send(PrintStream messages, String message) {
    synchronized (messages) {
      messages.print(message);
      messages.print('\n');
      messages.flush();
    }
  }

  /**
   * Leaves Ctrl-C to the parent. A terminal sends SIGINT to every process of the foreground group,
   * workers included; the parent stops the run and closes their input, which ends them cleanly.
   */
  private static void ignoreInterrupts() {
    try {
      Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
    } catch (IllegalArgumentException unavailable) {
      // Reserved here (-Xrs): the default handling stays.
    }
  }

  /**
   * Exits when the parent process does, should its end of the input pipe somehow stay open.
   * (Closed input is the main signal; this is the safety net.)
   */
  private static void watchParent() {
    ProcessHandle.current().parent().ifPresent(parent -> {
      Thread watcher = new Thread(() -> {
        while (parent.isAlive()) {
          try {
            Thread.sleep(500);
          } catch (InterruptedException e) {
            return;
          }
        }
        System.exit(0);
      }, "fetch-parent-watch");
      watcher.setDaemon(true);
      watcher.start();
    });
  }
}
