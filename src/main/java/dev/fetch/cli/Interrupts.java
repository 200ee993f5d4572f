package dev.fetch.cli;

/**
 * Tells a running command when the user asks it to stop (Ctrl-C, SIGTERM). Injected so that
 * tests, which must not trap the test JVM's signals, can do without.
 */
public interface Interrupts {
  /**
   * Calls {@code onSignal} (from another thread) when a stop signal arrives, until the returned
   * handle is closed.
   */
  Watch watch(Runnable onSignal);

  /** A registration made by {@link #watch}. */
  interface Watch extends AutoCloseable {
    /** The exit code for the signal that arrived: 130 for SIGINT, 143 for SIGTERM; 0 if none. */
    int exitCode();

    @Override
    void close();
  }

  /** Never signals: for tests and embedding. */
  static Interrupts none() {
    return onSignal -> new Watch() {
      @Override
      public int exitCode() {
        return 0;
      }

      @Override
      public void close() {}
    };
  }
}
