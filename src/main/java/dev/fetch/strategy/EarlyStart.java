package dev.fetch.strategy;

/**
 * What a mode started for a run before the run needed it ({@link Mode#startEarly}): closed when
 * the run ends, however it ends, which releases whatever the run did not take. Closing never
 * throws and never blocks for long.
 */
public interface EarlyStart extends AutoCloseable {
  /** Nothing started. */
  EarlyStart NONE = () -> { };

  @Override
  void close();
}
