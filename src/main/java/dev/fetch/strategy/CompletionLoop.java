package dev.fetch.strategy;

import dev.fetch.download.DownloadRequest;
import dev.fetch.download.DownloadResult;
import dev.fetch.input.UrlEntry;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * The reporting loop every strategy shares: a feeder thread reads the entries and starts one
 * download per URL through a {@link Launcher}; the calling thread hands each result to the sink
 * as it completes, like {@code ExecutorCompletionService.take()}.
 *
 * <p>The feeder holds a permit of a window for each URL until its result has been reported, so
 * memory stays flat however long the list is, and a slow input (a pipe) never delays the report of
 * a finished download. In {@link Order#INPUT} a result that arrives before those ahead of it waits
 * in an {@link InputOrder} buffer and keeps its permit until it is reported; the window is widened
 * by {@link InputOrder#MAX_HELD} so the run goes on past a slow URL.
 */
final class CompletionLoop {
  private CompletionLoop() {}

  /**
   * Runs every entry; see {@link DownloadStrategy#run} for the contract.
   *
   * @param window how many URLs may be started ahead of the results reported
   */
  static void run(Iterator<UrlEntry> entries, Launcher launcher, int window, Order order,
      ResultSink sink) throws InterruptedException {
    InputOrder ordered = order == Order.INPUT ? new InputOrder(sink) : null;
    ResultSink inOrder = ordered != null ? ordered : sink;
    // Every result is announced as it arrives, then passed on in the plan's order.
    ResultSink reporting = result -> {
      sink.arrived(result);
      inOrder.accept(result);
    };
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    Semaphore permits = new Semaphore(window + (ordered != null ? InputOrder.MAX_HELD : 0));
    Thread feeder = new Thread(() -> feed(entries, launcher, permits, events), "fetch-input");
    feeder.setDaemon(true);
    feeder.start();
    boolean completed = false;
    try {
      long reported = 0;
      long total = -1;
      while (total < 0 || reported < total) {
        Event event = takeOrDrain(events, reporting, ordered);
        if (event.result != null) {
          int heldBefore = ordered != null ? ordered.held() : 0;
          reporting.accept(event.result);
          reported++;
          permits.release(1 + heldBefore - (ordered != null ? ordered.held() : 0));
        } else if (event.failure != null) {
          if (ordered != null) {
            ordered.flush();
          }
          throw event.failure;
        } else {
          total = event.total;
        }
      }
      completed = true;
    } finally {
      feeder.interrupt();
      launcher.stop(!completed);
    }
  }

  /**
   * The next event; if the thread is interrupted, first hands the sink every result that had
   * already arrived, and then those held for input order (whose gaps will never be filled), so
   * what finished before the interrupt is reported.
   */
  private static Event takeOrDrain(BlockingQueue<Event> events, ResultSink sink,
      InputOrder ordered) throws InterruptedException {
    try {
      return events.take();
    } catch (InterruptedException e) {
      for (Event event; (event = events.poll()) != null; ) {
        if (event.result != null) {
          sink.accept(event.result);
        }
      }
      if (ordered != null) {
        ordered.flush();
      }
      throw e;
    }
  }

  /**
   * Reads entries on the feeder thread: invalid and settled ones (skipped) become results, valid
   * ones downloads.
   */
  private static void feed(Iterator<UrlEntry> entries, Launcher launcher, Semaphore permits,
      BlockingQueue<Event> events) {
    long count = 0;
    try {
      while (true) {
        permits.acquire();
        if (!entries.hasNext()) {
          break;
        }
        UrlEntry entry = entries.next();
        count++;
        if (entry.settled() != null) {
          events.add(Event.of(entry.settled()));
        } else if (entry.isValid()) {
          DownloadRequest request = entry.toRequest();
          launcher.start(request, result -> events.add(Event.of(result)));
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

  /** What the feeder and the downloads tell the reporting thread: a result, the end, a fault. */
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
