package dev.fetch.engine;

import dev.fetch.input.UrlEntry;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The list's entries, counting how many have been taken, so an interrupted run can tell how many
 * URLs it started but did not finish. The count may be read from any thread.
 */
final class CountingEntries implements Iterator<UrlEntry> {
  private final Iterator<UrlEntry> entries;
  private final AtomicLong taken = new AtomicLong();

  CountingEntries(Iterator<UrlEntry> entries) {
    this.entries = entries;
  }

  @Override
  public boolean hasNext() {
    return entries.hasNext();
  }

  @Override
  public UrlEntry next() {
    UrlEntry entry = entries.next();
    taken.incrementAndGet();
    return entry;
  }

  long taken() {
    return taken.get();
  }
}
