package dev.fetch.input;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The inputs of a run in the order the command line gave them, read as one list: indexes run on
 * from one input to the next. At least one; standard input at most once. Read whole, or only one
 * {@link Shard} of the list ({@link #shard(Shard)}): the entries of other shards are dropped as
 * they are read, and indexes stay the positions in the whole list. Immutable.
 */
public final class Inputs {
  private final List<Input> inputs;
  /** The part of the list read, or null for all of it. */
  private final Shard shard;

  private Inputs(List<Input> inputs) {
    this(inputs, null);
  }

  private Inputs(List<Input> inputs, Shard shard) {
    this.inputs = List.copyOf(inputs);
    this.shard = shard;
  }

  /** These inputs, of which only {@code shard} is read (null: all of them). */
  public Inputs shard(Shard shard) {
    return new Inputs(inputs, shard);
  }

  /** The shard read, or null when the whole list is. */
  public Shard shard() {
    return shard;
  }

  /**
   * @throws InputException if {@code inputs} is empty or names standard input twice
   */
  public static Inputs of(List<Input> inputs) {
    if (inputs.isEmpty()) {
      throw new InputException("no input: name a URL, a list file, or - for standard input");
    }
    long stdin = inputs.stream().filter(Input::mayNeverEnd).count();
    if (stdin > 1) {
      throw new InputException("standard input (-) can be read only once, but is named "
          + stdin + " times");
    }
    return new Inputs(inputs);
  }

  /** One list: a file's path, or {@code -} for standard input. */
  public static Inputs of(String list) {
    return of(List.of(InputParser.list(list)));
  }

  public List<Input> all() {
    return inputs;
  }

  /** The lists at a URL still to be downloaded, in order. */
  public List<Input.RemoteList> toDownload() {
    List<Input.RemoteList> remote = new ArrayList<>();
    for (Input input : inputs) {
      if (input instanceof Input.RemoteList && !((Input.RemoteList) input).isDownloaded()) {
        remote.add((Input.RemoteList) input);
      }
    }
    return remote;
  }

  /** These inputs with each replaced by what {@code change} makes of it, in the same order. */
  public Inputs map(UnaryOperator<Input> change) {
    List<Input> changed = new ArrayList<>();
    for (Input input : inputs) {
      changed.add(change.apply(input));
    }
    return of(changed).shard(shard);
  }

  /**
   * Checks every list file, without reading a line, as {@link Input.ListFile#check} does.
   *
   * @throws InputException naming the first file that cannot be read
   */
  public void check() {
    for (Input input : inputs) {
      if (input instanceof Input.ListFile) {
        ((Input.ListFile) input).check();
      }
    }
  }

  /** Whether one of them is standard input. */
  public boolean readStandardInput() {
    return inputs.stream().anyMatch(Input::mayNeverEnd);
  }

  /** Their names, as messages give them, separated by commas. */
  public String names() {
    return inputs.stream().map(Input::name).collect(Collectors.joining(", "));
  }

  /**
   * All their URL lines, for a progress bar's total, or -1 when one input cannot be counted
   * without consuming it (standard input, a pipe). Reads every list file once; for a shard, reads
   * its entries.
   */
  public long countUrlLines() {
    long total = 0;
    for (Input input : inputs) {
      long count = input.countUrlLines();
      if (count < 0) {
        return -1;
      }
      total += count;
    }
    if (shard != null) {
      total = 0;
      try (InputReader reader = new InputReader(inputs, InputStream.nullInputStream(),
          shard::includes)) {
        while (reader.hasNext()) {
          reader.next();
          total++;
        }
      }
    }
    return total;
  }

  /**
   * Opens them for reading, one after the other; nothing is read yet.
   *
   * @throws IllegalStateException if a list at a URL has not been downloaded
   */
  public InputReader open(InputStream stdin) {
    if (!toDownload().isEmpty()) {
      throw new IllegalStateException("not downloaded: " + toDownload());
    }
    return shard == null ? new InputReader(inputs, stdin)
        : new InputReader(inputs, stdin, shard::includes);
  }

  /**
   * The usage error of inputs without a single URL line between them.
   */
  public InputException noUrls() {
    if (inputs.size() == 1) {
      return InputException.noUrls(inputs.get(0).name());
    }
    return new InputException(names() + ": no URLs (every list is empty or has only blank "
        + "lines and comments)");
  }

  @Override
  public String toString() {
    return names();
  }
}
