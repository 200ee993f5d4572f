package dev.fetch.engine;

import dev.fetch.input.InputReader;
import dev.fetch.input.UrlEntry;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The run's entries, from all its inputs, counting how many have been taken and remembering the
 * valid ones taken but not yet settled (reported as downloaded or failed), so a run that stops
 * early can tell which URLs it did not download: those in flight and those never read.
 *
 * <p>Taken by the strategy's feeder thread, settled on the reporting thread; reading the rest of
 * the inputs happens on the reporting thread after the run, so access to the reader is
 * synchronized — except when the feeder is inside standard input, where it may be blocked for
 * ever holding that lock: then the inputs after it are read on their own (see
 * {@link InputReader#stopAtEndless}).
 */
final class CountingEntries implements Iterator<UrlEntry> {
  private final InputReader entries;
  private final UnaryOperator<UrlEntry> prepare;
  /**
   * Serializes {@link #prepare}, which is not thread-safe, apart from the lock on this object:
   * the rest of the inputs after an endless standard input are prepared without that lock.
   */
  private final Object prepareLock = new Object();
  private final AtomicLong taken = new AtomicLong();
  /** Valid entries taken and not settled: index → the URL as listed, credentials included. */
  private final ConcurrentMap<Integer, String> unsettled = new ConcurrentHashMap<>();

  CountingEntries(InputReader entries) {
    this(entries, UnaryOperator.identity());
  }

  /**
   * @param prepare applied to each entry as it is taken, in input order (where its body is
   *     saved, whether it is skipped)
   */
  CountingEntries(InputReader entries, UnaryOperator<UrlEntry> prepare) {
    this.entries = entries;
    this.prepare = prepare;
  }

  @Override
  public synchronized boolean hasNext() {
    return entries.hasNext();
  }

  @Override
  public synchronized UrlEntry next() {
    UrlEntry entry = prepared(entries.next());
    taken.incrementAndGet();
    if (entry.isValid() && entry.settled() == null) {
      unsettled.put(entry.index(), entry.url().toString());
    }
    return entry;
  }

  private UrlEntry prepared(UrlEntry entry) {
    synchronized (prepareLock) {
      return prepare.apply(entry);
    }
  }

  long taken() {
    return taken.get();
  }

  /** Marks entry {@code index} as settled; returns its URL, or null if it was not valid. */
  String settle(int index) {
    return unsettled.remove(index);
  }

  /**
   * After a run that stopped early: hands over every valid URL not downloaded, in input order —
   * first those taken but never settled, then every valid URL of the rest of the inputs not
   * settled without a request once prepared (done already), except the rest of standard input,
   * which may never end. Never blocks on standard input.
   */
  void notDownloaded(Consumer<String> urls) {
    Map<Integer, String> left = new TreeMap<>(unsettled);
    unsettled.clear();
    left.values().forEach(urls);
    Consumer<UrlEntry> valid = entry -> {
      // An entry settled without a request (its URL done already) is not listed either.
      if (entry.isValid() && prepared(entry).settled() == null) {
        urls.accept(entry.url().toString());
      }
    };
    if (entries.stopAtEndless()) {
      entries.forEachAfterCurrent(valid);
      return;
    }
    synchronized (this) {
      while (entries.hasNext()) {
        valid.accept(entries.next());
      }
    }
  }
}
