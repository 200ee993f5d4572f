package dev.fetch.testing;

import dev.fetch.cli.Interrupts;

/** {@link Interrupts} a test fires by hand, standing in for Ctrl-C. */
public final class ManualInterrupts implements Interrupts {
  private volatile Runnable onSignal;
  private volatile int exitCode;

  @Override
  public Watch watch(Runnable onSignal) {
    this.onSignal = onSignal;
    return new Watch() {
      @Override
      public int exitCode() {
        return exitCode;
      }

      @Override
      public void close() {
        ManualInterrupts.this.onSignal = null;
      }
    };
  }

  /** Whether a command is watching now. */
  public boolean watching() {
    return onSignal != null;
  }

  /** Delivers a signal whose exit code is {@code code} (130 for SIGINT). */
  public void fire(int code) {
    exitCode = code;
    Runnable handler = onSignal;
    if (handler != null) {
      handler.run();
    }
  }
}
