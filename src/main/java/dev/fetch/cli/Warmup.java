package dev.fetch.cli;

import dev.fetch.download.DownloadSettings;
import dev.fetch.http.HttpClients;
import dev.fetch.output.HumanUnits;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Sets up, on a second thread, what every download needs whatever its options, while the main
 * thread builds the command line's model: OkHttp's client classes and its platform (which probes
 * every installed security provider, about 50 ms on a cold JVM), the time-zone data OkHttp reads
 * for HTTP dates, {@code java.util.logging} (OkHttp's task runner logs through it), the method
 * handles behind the records' {@code equals} and {@code hashCode}, and the number formats of the
 * summary. picocli's reflective model of the root command and this take about the same time, and
 * each mostly runs in the interpreter on one core: on two cores, a plain download starts about
 * that much sooner (docs/benchmarks.md, "Start-up").
 *
 * <p>It builds a client for the default settings and throws it away: no thread, socket or file is
 * opened, nothing is printed, and the run's own client is built afresh from its settings. A
 * failure here is ignored; the run then meets it itself, with its own message.
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

  /** Starts the warm-up on a daemon thread, or does nothing on a single processor. */
  static Warmup start() {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return new Warmup(null);
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
      HumanUnits.rate(3_278_509L, Duration.ofMillis(TimeUnit.SECONDS.toMillis(1)));
      HumanUnits.size(3_278_509L);
      String.format(Locale.ROOT, "%.3f", 0.5);
    } catch (RuntimeException | LinkageError e) {
      // The run builds its own client and meets the same problem, with its own message.
    }
  }
}
