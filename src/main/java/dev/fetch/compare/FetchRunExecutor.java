package dev.fetch.compare;

import dev.fetch.trace.UrlRecord;
import dev.fetch.trace.UrlRecords;
import dev.fetch.download.DownloadSettings;
import dev.fetch.download.HttpSettings;
import dev.fetch.output.Format;
import dev.fetch.engine.RunSummary;
import dev.fetch.engine.DownloadPlan;
import dev.fetch.engine.DownloadRun;
import dev.fetch.engine.Order;
import dev.fetch.engine.RunContext;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import okhttp3.ConnectionPool;

/**
 * The real {@link RunExecutor}: each run is a full, quiet fetch of the list with the slot's mode
 * and workers, recording every URL's place in time. A fresh connection pool per run unless
 * {@code reuseConnections}. {@link #cancel()} stops the run in progress and every later one.
 */
public final class FetchRunExecutor implements RunExecutor {
  private final String input;
  private final byte[] stdin;
  private final DownloadSettings settings;
  private final ConnectionPool sharedPool;
  private volatile DownloadRun current;
  private volatile boolean cancelled;

  /**
   * @param input the list: a path, or {@code -} with its bytes in {@code stdin}
   * @param settings how URLs are downloaded; the concurrency is each slot's worker count
   */
  public FetchRunExecutor(String input, byte[] stdin, DownloadSettings settings,
      boolean reuseConnections) {
    this.input = input;
    this.stdin = stdin;
    this.settings = settings;
    this.sharedPool = reuseConnections ? new ConnectionPool(1024, 5,
        java.util.concurrent.TimeUnit.MINUTES) : null;
  }

  @Override
  public RunRecord run(Slot slot, int sequence) throws InterruptedException {
    Combination c = slot.combination();
    HttpSettings http = settings.http();
    DownloadSettings forRun = new DownloadSettings(new HttpSettings(c.workers(),
        http.connectTimeout(), http.timeout(), http.userAgent(), http.perHost()),
        settings.retries(), settings.outputDir());
    DownloadPlan plan = new DownloadPlan(input, c.mode(), c.workers(), Order.COMPLETION,
        Format.TEXT, forRun, null, true);
    List<UrlRecord> urls = new ArrayList<>();
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    RunContext context = RunContext.of(nowhere, nowhere,
        new ByteArrayInputStream(stdin == null ? new byte[0] : stdin))
        .withObserver((result, sinceStart) -> urls.add(UrlRecords.of(result, sinceStart)))
        .withSharedPool(sharedPool);
    DownloadRun run = new DownloadRun(plan, context);
    current = run;
    if (cancelled) {
      throw new InterruptedException("comparison cancelled");
    }
    RunSummary summary = run.execute();
    current = null;
    if (summary.interrupted() || cancelled) {
      throw new InterruptedException("comparison cancelled");
    }
    return new RunRecord(c, sequence, slot.warmup(), summary.elapsed().toNanos() / 1e9,
        summary.succeeded(), summary.failed(), summary.bytes(), urls);
  }

  /** Stops the run in progress and any later one; safe from any thread. */
  public void cancel() {
    cancelled = true;
    DownloadRun run = current;
    if (run != null) {
      run.cancel();
    }
  }

  /** Releases the shared connections, if any. */
  public void close() {
    if (sharedPool != null) {
      sharedPool.evictAll();
    }
  }
}
