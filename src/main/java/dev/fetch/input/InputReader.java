package dev.fetch.input;

import java.io.Closeable;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads the entries of every input of a run, in order, as one list: indexes run on from one
 * input to the next, and each entry names its own input and line. An input is opened when the
 * one before it is exhausted, so a list streams whatever its length.
 *
 * <p>Threads: one thread reads ({@link #hasNext}, {@link #next}; callers that share the reader
 * synchronize around those calls). After the run has stopped, another thread may ask for the
 * rest: {@link #stopAtEndless} first, then, as it says, either go on with {@code hasNext}/{@code
 * next} (under the same synchronization) or {@link #forEachAfterCurrent} — never blocking on
 * standard input, which the reading thread may be blocked in, holding that synchronization.
 * {@link #close} may come from any thread.
 *
 * <p>A reader may keep only some entries ({@code keep}: one {@link Shard}'s): the others are
 * read and dropped, indexes unchanged, so the list still streams.
 */
public final class InputReader implements Iterator<UrlEntry>, Closeable {
  private final List<Input> inputs;
  private final InputStream stdin;
  /** Guards {@link #position}, {@link #stopped} and {@link #closed}; never held while reading. */
  private final Object state = new Object();
  /** The input being read: -1 before the first, {@code inputs.size()} after the last. */
  private int position = -1;
  /** Set by {@link #stopAtEndless}: inputs that may never end are skipped from then on. */
  private boolean stopped;
  /**
   * Set by {@link #stopAtEndless} inside an input that may never end: the inputs after it are
   * read on their own ({@link #forEachAfterCurrent}), so this reader goes no further.
   */
  private boolean ended;
  private boolean closed;
  /** The reader of the input at {@link #position}; written by the reading thread only. */
  private volatile UrlListReader current;
  private int nextIndex;
  /** The entries this reader hands out; the others are dropped. */
  private final Predicate<UrlEntry> keep;
  /** The next kept entry, read ahead by {@link #hasNext}; reading thread only. */
  private UrlEntry pending;
  /** Entries read and dropped; reading thread only. */
  private long dropped;

  InputReader(List<Input> inputs, InputStream stdin) {
    this(inputs, stdin, entry -> true);
  }

  InputReader(List<Input> inputs, InputStream stdin, Predicate<UrlEntry> keep) {
    this.inputs = List.copyOf(inputs);
    this.stdin = stdin;
    this.keep = keep;
  }

  /** How many entries were read and dropped as not kept (another shard's) so far. */
  public long dropped() {
    return dropped;
  }

  /**
   * @throws InputException if an input cannot be opened or read
   */
  @Override
  public boolean hasNext() {
    while (true) {
      if (pending != null) {
        return true;
      }
      UrlListReader reader = current;
      if (reader != null && reader.hasNext()) {
        UrlEntry entry = reader.next();
        nextIndex = entry.index() + 1;
        if (keep.test(entry)) {
          pending = entry;
        } else {
          dropped++;
        }
        continue;
      }
      if (!openNext()) {
        return false;
      }
    }
  }

  @Override
  public UrlEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    UrlEntry entry = pending;
    pending = null;
    return entry;
  }

  /** Moves on to the next input to read; false when there is none. */
  private boolean openNext() {
    int at;
    synchronized (state) {
      if (closed || ended || position >= inputs.size()) {
        return false;
      }
      at = position + 1;
      while (stopped && at < inputs.size() && inputs.get(at).mayNeverEnd()) {
        at++;
      }
      position = at;
    }
    closeCurrent();
    if (at >= inputs.size()) {
      return false;
    }
    UrlListReader opened = inputs.get(at).open(stdin, nextIndex);
    synchronized (state) {
      if (!closed) {
        current = opened;
        return true;
      }
    }
    opened.close();
    return false;
  }

  /**
   * After a run has stopped: from now on inputs that may never end (standard input) are skipped.
   * Returns true when the reader is inside one now — the reading thread may be blocked in it —
   * so the caller must not call {@link #hasNext}, and reads the rest with
   * {@link #forEachAfterCurrent} (this reader ends with the input it is in); false when the rest
   * can be read through this reader, which will not enter such an input again.
   */
  public boolean stopAtEndless() {
    synchronized (state) {
      stopped = true;
      ended = position >= 0 && position < inputs.size() && inputs.get(position).mayNeverEnd();
      return ended;
    }
  }

  /**
   * Reads every input after the current one, each on its own reader (this one is left alone),
   * skipping those that may never end, and hands their entries to {@code each} in order. Their
   * indexes do not follow on from the current input's, which was never read to its end.
   *
   * @throws InputException if one of them cannot be read
   */
  public void forEachAfterCurrent(Consumer<UrlEntry> each) {
    int at;
    synchronized (state) {
      at = position;
    }
    for (int i = at + 1; i < inputs.size(); i++) {
      Input input = inputs.get(i);
      if (input.mayNeverEnd()) {
        continue;
      }
      try (UrlListReader reader = input.open(stdin, 0)) {
        reader.forEachRemaining(entry -> {
          if (keep.test(entry)) {
            each.accept(entry);
          }
        });
      }
    }
  }

  /** Closes the input being read, if any; the reader reads nothing more. Any thread. */
  @Override
  public void close() {
    synchronized (state) {
      closed = true;
    }
    closeCurrent();
  }

  private void closeCurrent() {
    UrlListReader reader = current;
    current = null;
    if (reader != null) {
      reader.close();
    }
  }
}
