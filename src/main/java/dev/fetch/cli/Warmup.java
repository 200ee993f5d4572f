package dev.fetch.cli;

import dev.fetch.download.DownloadSettings;
import dev.fetch.http.HttpClients;
import dev.fetch.output.HumanUnits;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Sets up, on a second thread, what every download needs whatever its options, while the main
 * thread builds the command line's model: OkHttp's client classes and its platform (which probes
 * every installed security provider, about 50 ms on a cold JVM), the time-zone data OkHttp reads
 * for HTTP dates, {@code java.util.logging} (OkHttp's task runner logs through it), the method
 * handles behind the records' {@code equals} and {@code hashCode}, and the number formats of the
 * summary. picocli's reflective model of the root command and this take about the same time, and
 * each mostly runs in the interpreter on one core: on two idle cores, a plain download starts
 * about 20 ms sooner on Java 17, and no sooner on 25, whose AOT cache has these classes linked
 * already (docs/benchmarks.md, "Start-up").
 *
 * <p>What it builds it throws away: the run's own client is built afresh from its settings, and
 * nothing is printed. A failure here is ignored; the run then meets it itself, with its own
 * message.
 *
 * <p>{@link #await()} is called before the command runs, so the command never initialises a
 * class the warm-up is initialising at the same moment (two threads in each other's static
 * initialisers would deadlock); what both threads touch before then is picocli on one side and
 * OkHttp and the JDK on the other. It waits at most {@link #LONGEST}, then lets the run go on.
 */
final class Warmup {
  /** The longest {@link #await()} waits: far above what the warm-up takes on a loaded machine. */
  static final Duration LONGEST = Duration.ofSeconds(5);

  private final Thread thread;

  private Warmup(Thread thread) {
    this.thread = thread;
  }

  /** No warm-up: {@link #await()} returns at once. */
  static Warmup none() {
    return new Warmup(null);
  }

  /**
   * Starts the warm-up on a daemon thread, or does nothing on a single processor or with
   * {@code -Ddev.fetch.warmup=false} (in {@code JAVA_OPTS}: to measure what it is worth).
   */
  static Warmup start() {
    if (Runtime.getRuntime().availableProcessors() < 2
        || "false".equals(System.getProperty("dev.fetch.warmup"))) {
      return none();
    }
    Thread thread = new Thread(Warmup::run, "warm-up");
    thread.setDaemon(true);
    thread.start();
    return new Warmup(thread);
  }

  /** Waits for the warm-up to end, at most {@link #LONGEST}; an interrupt is kept for the run. */
  void await() {
    if (thread == null) {
      return;
    }
    try {
      thread.join(LONGEST.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void run() {
    try {
      // Never used: its dispatcher's pool has started no thread, its connection pool holds
      // nothing, and both are garbage with it.
      OkHttpClient unused = HttpClients.create(DownloadSettings.defaults(1));
      unused.dispatcher().executorService().shutdown();
      HumanUnits.rate(3_278_509L, Duration.ofSeconds(1));
      HumanUnits.size(3_278_509L);
    } catch (RuntimeException | LinkageError e) {
      // The run builds its own client and meets the same problem, with its own message.
    }
  }
}
