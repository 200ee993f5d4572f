package dev.fetch.worker;

/** A worker process died (or stopped making sense) before it sent the result asked for. */
final class WorkerCrashedException extends Exception {
  WorkerCrashedException(String message) {
    super(message);
  }
}
