package dev.fetch.compare;

import dev.fetch.download.DownloadSettings;
import dev.fetch.engine.DownloadPlan;
import dev.fetch.input.Inputs;
import dev.fetch.engine.DownloadRun;
import dev.fetch.engine.RunContext;
import dev.fetch.engine.RunSummary;
import dev.fetch.log.Diagnostics;
import dev.fetch.strategy.Order;
import dev.fetch.trace.Lanes;
import dev.fetch.trace.UrlRecord;
import dev.fetch.trace.UrlRecords;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;

/**
 * The real {@link RunExecutor}: each run is a full run of the engine on the list with the slot's
 * mode and workers and otherwise the very settings a plain {@code fetch} would use, recording
 * every URL's place in time (nothing is printed; URLs of one worker never overlap, see
 * {@link Lanes#untangle}). A fresh connection pool per run unless
 * {@code reuseConnections}. {@link #cancel()} stops the run in progress and every later one.
 */
public final class FetchRunExecutor implements RunExecutor {
  private final Inputs inputs;
  private final byte[] stdin;
  private final DownloadSettings settings;
  private final ConnectionPool sharedPool;
  private volatile DownloadRun current;
  private final Diagnostics diagnostics;
  private volatile boolean cancelled;

  /**
   * @param inputs the URLs and lists, every list at a URL downloaded, standard input (if one of
   *     them) read whole into {@code stdin}: replayed for every run
   * @param settings how URLs are downloaded; the concurrency is each slot's worker count
   * @param diagnostics where warnings go (a worker process that crashed, say)
   */
  public FetchRunExecutor(Inputs inputs, byte[] stdin, DownloadSettings settings,
      boolean reuseConnections, Diagnostics diagnostics) {
    this.inputs = inputs;
    this.stdin = stdin;
    this.settings = settings;
    this.diagnostics = diagnostics;
    this.sharedPool = reuseConnections ? new ConnectionPool(1024, 5, TimeUnit.MINUTES) : null;
  }

  @Override
  public RunRecord run(Slot slot, int sequence) throws InterruptedException {
    Combination c = slot.combination();
    DownloadPlan plan = new DownloadPlan(inputs, c.mode(), Order.COMPLETION,
        settings.withWorkers(c.workers()));
    List<UrlRecord> urls = new ArrayList<>();
    RunContext context = RunContext.of(
        new ByteArrayInputStream(stdin == null ? new byte[0] : stdin), diagnostics)
        .withSharedPool(sharedPool);
    DownloadRun run = new DownloadRun(plan, context);
    current = run;
    if (cancelled) {
      throw new InterruptedException("comparison cancelled");
    }
    RunSummary summary = run.execute((result, sinceStart) -> urls.add(UrlRecords.of(result,
        sinceStart)));
    current = null;
    if (summary.interrupted() || cancelled) {
      throw new InterruptedException("comparison cancelled");
    }
    // A report can come after the next download of the same worker began: see Lanes.untangle.
    return new RunRecord(c, sequence, slot.warmup(), summary.elapsed().toNanos() / 1e9,
        summary.succeeded(), summary.failed(), summary.bytes(), Lanes.untangle(urls));
  }

  /** Stops the run in progress and any later one; safe from any thread. */
  @Override
  public void cancel() {
    cancelled = true;
    DownloadRun run = current;
    if (run != null) {
      run.cancel();
    }
  }

  /** Releases the shared connections, if any. */
  @Override
  public void close() {
    if (sharedPool != null) {
      sharedPool.evictAll();
    }
  }
}
