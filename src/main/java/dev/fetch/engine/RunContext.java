package dev.fetch.engine;

import dev.fetch.download.TransferListener;
import dev.fetch.log.Diagnostics;
import dev.fetch.time.Time;
import java.io.InputStream;
import okhttp3.ConnectionPool;

/**
 * What a run talks to outside itself, injected so tests can supply their own. Nothing here
 * prints results: that is the caller's {@link RunListener}.
 *
 * @param stdin what the list {@code -} reads
 * @param time the ticker, clock, sleeper and scheduler of the run (fakes in tests, so no test
 *     waits for a real back-off)
 * @param diagnostics where warnings and {@code -v} debug lines go
 * @param sharedPool a connection pool to reuse across runs, or null for a fresh one per run
 * @param transfers hears about each URL and its bytes as they arrive (a progress display), or
 *     {@link TransferListener#NONE}
 */
public record RunContext(InputStream stdin, Time time, Diagnostics diagnostics,
    ConnectionPool sharedPool, TransferListener transfers) {

  /** A context whose transfers nobody hears. */
  public RunContext(InputStream stdin, Time time, Diagnostics diagnostics,
      ConnectionPool sharedPool) {
    this(stdin, time, diagnostics, sharedPool, TransferListener.NONE);
  }

  /** The real world: system time, a fresh connection pool. */
  public static RunContext of(InputStream stdin, Diagnostics diagnostics) {
    return new RunContext(stdin, Time.system(), diagnostics, null);
  }

  public RunContext withTime(Time time) {
    return new RunContext(stdin, time, diagnostics, sharedPool, transfers);
  }

  public RunContext withSharedPool(ConnectionPool pool) {
    return new RunContext(stdin, time, diagnostics, pool, transfers);
  }

  public RunContext withTransfers(TransferListener listener) {
    return new RunContext(stdin, time, diagnostics, sharedPool, listener);
  }
}
