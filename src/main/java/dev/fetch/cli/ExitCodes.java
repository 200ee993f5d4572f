package dev.fetch.cli;

/** Every exit code fetch returns, in one place. Documented in the README and in {@code --help}. */
public final class ExitCodes {
  /** Every URL was downloaded. */
  public static final int OK = 0;
  /** The run finished but at least one URL failed (HTTP status >= 400 included). */
  public static final int FAILURES = 1;
  /** Bad command line or unusable input: nothing was downloaded. */
  public static final int USAGE = 2;
  /** {@code fetch compare}: a {@code --require} did not hold. */
  public static final int REQUIREMENT_FAILED = 3;
  /** Standard output was closed before the run ended (piped into {@code head}, say): as curl. */
  public static final int OUTPUT_CLOSED = 23;
  /** The chosen mode cannot run on this runtime ({@code virtual} on Java 17): EX_UNAVAILABLE. */
  public static final int MODE_UNAVAILABLE = 69;
  /** A bug in fetch; the stack trace is printed. */
  public static final int INTERNAL_ERROR = 70;
  /** Stopped by Ctrl-C (SIGINT): 128 + 2. */
  public static final int INTERRUPTED = 130;
  /** Stopped by SIGTERM: 128 + 15. */
  public static final int TERMINATED = 143;

  private ExitCodes() {}
}
