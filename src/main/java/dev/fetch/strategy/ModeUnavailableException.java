package dev.fetch.strategy;

/** The chosen mode cannot run on this runtime (virtual threads on Java 17, say). */
public final class ModeUnavailableException extends RuntimeException {
  public ModeUnavailableException(String message) {
    super(message);
  }
}
