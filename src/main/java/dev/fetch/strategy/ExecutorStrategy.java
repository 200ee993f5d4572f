package dev.fetch.strategy;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.download.Downloader;
import dev.fetch.download.ErrorKind;
import dev.fetch.input.UrlEntry;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs downloads as tasks of an {@link ExecutorService} and reports their results in completion
 * order, as {@code ExecutorCompletionService} would.
 *
 * <p>A feeder thread reads the entries and submits one task per URL, holding a permit of a window
 * for each until its result has been reported (or, if the sink holds results back, passed on).
 * The window is twice the worker count, enough to keep every worker busy; with one worker it is
 * one, so a sequential run reports strictly in input order. So memory stays flat however long the
 * list, and a slow input (a pipe) never delays the report of a finished download. The executor is
 * made fresh for each run by the factory and shut down when the run ends.
 */
public final class ExecutorStrategy implements DownloadStrategy {
  /** How long an interrupted run waits for its workers to notice before it reports. */
  private static final long INTERRUPT_GRACE_MILLIS = 1_000;

  private final int workers;
  private final Supplier<ExecutorService> executorFactory;

  /**
   * @param workers how many tasks the executor runs at once
   * @param executorFactory makes the executor for one run; the strategy owns and shuts it down
   */
  public ExecutorStrategy(int workers, Supplier<ExecutorService> executorFactory) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers < 1: " + workers);
    }
    this.workers = workers;
    this.executorFactory = executorFactory;
  }

  @Override
  public int workers() {
    return workers;
  }

  @Override
  public void run(Iterator<UrlEntry> entries, Downloader downloader, ResultSink sink)
      throws InterruptedException {
    ExecutorService executor = executorFactory.get();
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    Semaphore window = new Semaphore((workers == 1 ? 1 : workers * 2) + sink.maxHeld());
    Thread feeder = new Thread(() -> feed(entries, executor, downloader, window, events),
        "fetch-input");
    feeder.setDaemon(true);
    feeder.start();
    boolean completed = false;
    try {
      long reported = 0;
      long total = -1;
      while (total < 0 || reported < total) {
        Event event = events.take();
        if (event.result != null) {
          int heldBefore = sink.held();
          sink.accept(event.result);
          reported++;
          window.release(1 + heldBefore - sink.held());
        } else if (event.failure != null) {
          throw event.failure;
        } else {
          total = event.total;
        }
      }
      completed = true;
    } finally {
      feeder.interrupt();
      if (completed) {
        executor.shutdown();
      } else {
        executor.shutdownNow();
        executor.awaitTermination(INTERRUPT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Reads entries on the feeder thread: invalid ones become results, valid ones tasks. */
  private static void feed(Iterator<UrlEntry> entries, ExecutorService executor,
      Downloader downloader, Semaphore window, BlockingQueue<Event> events) {
    long count = 0;
    try {
      while (true) {
        window.acquire();
        if (!entries.hasNext()) {
          break;
        }
        UrlEntry entry = entries.next();
        count++;
        if (entry.isValid()) {
          DownloadRequest request = entry.toRequest();
          executor.execute(() -> events.add(Event.of(downloadSafely(downloader, request))));
        } else {
          events.add(Event.of(entry.toFailure()));
        }
      }
      events.add(Event.end(count));
    } catch (InterruptedException | RejectedExecutionException runIsOver) {
      // The run was interrupted: nobody is waiting for more.
    } catch (RuntimeException e) {
      events.add(Event.failed(e));
    }
  }

  /** Runs one download; a bug in the downloader becomes that URL's failure, not a lost URL. */
  static DownloadResult downloadSafely(Downloader downloader, DownloadRequest request) {
    try {
      return downloader.download(request);
    } catch (RuntimeException | Error e) {
      return new DownloadResult.Failure(request.index(), request.displayUrl(), null, 0,
          Duration.ZERO, 1, Thread.currentThread().getName(), ErrorKind.IO,
          "internal error: " + e, null);
    }
  }

  /** What the feeder and the workers tell the reporting thread: a result, the end, or a fault. */
  private static final class Event {
    final DownloadResult result;
    final RuntimeException failure;
    final long total;

    private Event(DownloadResult result, RuntimeException failure, long total) {
      this.result = result;
      this.failure = failure;
      this.total = total;
    }

    static Event of(DownloadResult result) {
      return new Event(result, null, -1);
    }

    static Event end(long total) {
      return new Event(null, null, total);
    }

    static Event failed(RuntimeException failure) {
      return new Event(null, failure, -1);
    }
  }
}
