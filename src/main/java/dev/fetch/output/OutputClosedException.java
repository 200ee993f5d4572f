package dev.fetch.output;

/**
 * Standard output can no longer be written (the reader of a pipe went away, as with
 * {@code fetch list.txt | head -1}): the run stops, as curl does, with its own exit code.
 */
public final class OutputClosedException extends RuntimeException {
  public OutputClosedException() {
    super("standard output was closed; stopping");
  }
}
