package dev.fetch.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@link Interrupts} from the operating system's SIGINT and SIGTERM, through {@code sun.misc.Signal}
 * (module jdk.unsupported, present on every JDK from 17 on).
 *
 * <p>On a signal the run is asked to stop and gets {@link #GRACE_MILLIS} to print its partial
 * summary and delete partial files; if it has not returned by then (a blocked read of standard
 * input, say), the JVM halts with the signal's exit code. A second signal halts at once.
 */
final class SignalInterrupts implements Interrupts {
  static final long GRACE_MILLIS = 3_000;

  @Override
  public Watch watch(Runnable onSignal) {
    return new SignalWatch(onSignal);
  }

  private static final class SignalWatch implements Watch {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile int exitCode;

    SignalWatch(Runnable onSignal) {
      trap("INT", ExitCodes.INTERRUPTED, onSignal);
      trap("TERM", ExitCodes.TERMINATED, onSignal);
    }

    private void trap(String name, int code, Runnable onSignal) {
      Signal signal = new Signal(name);
      SignalHandler handler = s -> {
        if (exitCode != 0) {
          Runtime.getRuntime().halt(code);
        }
        exitCode = code;
        startWatchdog(code);
        onSignal.run();
      };
      try {
        previous.add(Signal.handle(signal, handler));
        signals.add(signal);
      } catch (IllegalArgumentException unavailable) {
        // The signal is reserved here (e.g. -Xrs); the JVM's default handling stays.
      }
    }

    private static void startWatchdog(int code) {
      Thread watchdog = new Thread(() -> {
        try {
          Thread.sleep(GRACE_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
        Runtime.getRuntime().halt(code);
      }, "fetch-signal-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    }

    @Override
    public int exitCode() {
      return exitCode;
    }

    @Override
    public void close() {
      for (int i = 0; i < signals.size(); i++) {
        Signal.handle(signals.get(i), previous.get(i));
      }
    }
  }
}
