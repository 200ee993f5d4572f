package dev.fetch.run;

import dev.fetch.download.DownloadRequest;
import dev.fetch.input.UrlEntry;
import dev.fetch.strategy.ResultSink;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The valid URLs of a list, as download requests. Invalid lines are not skipped silently: as
 * they are met, each is reported on stderr as {@code FILE:LINE: reason} and handed to the sink as
 * an {@code invalid_url} failure, on the thread that iterates (the strategy's reporting thread).
 */
final class ValidRequests implements Iterator<DownloadRequest> {
  private final Iterator<UrlEntry> entries;
  private final ResultSink sink;
  private final PrintWriter err;
  private DownloadRequest next;
  private long taken;
  private long invalid;

  ValidRequests(Iterator<UrlEntry> entries, ResultSink sink, PrintWriter err) {
    this.entries = entries;
    this.sink = sink;
    this.err = err;
  }

  @Override
  public boolean hasNext() {
    while (next == null && entries.hasNext()) {
      UrlEntry entry = entries.next();
      if (entry.isValid()) {
        next = entry.toRequest();
      } else {
        err.println(entry.location() + ": " + entry.problem());
        err.flush();
        invalid++;
        sink.accept(entry.toFailure());
      }
    }
    return next != null;
  }

  @Override
  public DownloadRequest next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    DownloadRequest request = next;
    next = null;
    taken++;
    return request;
  }

  /** How many entries have been read: requests handed out plus invalid lines reported. */
  long entriesRead() {
    return taken + invalid;
  }
}
