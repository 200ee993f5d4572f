package dev.fetch.output;

/**
 * A progress display on stderr. Called from the one thread that reports results; not
 * thread-safe.
 */
public interface Progress extends AutoCloseable {
  /** One more URL has its result. */
  void step();

  /** Removes or completes the display. */
  @Override
  void close();

  /** No display at all: for pipes, files, CI logs and {@code --progress=never}. */
  static Progress none() {
    return NoProgress.INSTANCE;
  }
}
