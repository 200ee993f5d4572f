package dev.fetch.engine;

import dev.fetch.input.UrlEntry;
import dev.fetch.save.FileNamer;
import java.util.function.UnaryOperator;

/**
 * Chooses where each URL's body is saved, as the run reads its entries in input order: so the
 * same list always gives the same names, whatever the mode and the order of completion. An entry
 * that is invalid, or a run that saves nothing, passes through unchanged. Called by one thread
 * at a time ({@link CountingEntries} is synchronized).
 */
final class SaveTargets implements UnaryOperator<UrlEntry> {
  private final FileNamer names = new FileNamer();

  @Override
  public UrlEntry apply(UrlEntry entry) {
    if (!entry.isValid()) {
      return entry;
    }
    return entry.withTarget(names.nameFor(entry.index(), entry.url()), entry.checksum());
  }
}
