package dev.fetch.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of {@code fetch} that {@code fetch compare} refuses (a picocli mixin of
 * {@link CompareCommand}): each would let a run skip URLs or keep files instead of downloading
 * them, or journal results a comparison does not keep, so a time would not measure downloads.
 * Declared, hidden, only so that giving one is a usage error that says why, before anything runs,
 * rather than picocli's "Unknown option".
 */
final class CompareRefusedOptions {
  @Option(names = "--skip-done", paramLabel = "FILE", hidden = true)
  List<Path> skipDone;

  @Option(names = "--results", paramLabel = "FILE", hidden = true)
  Path results;

  @Option(names = "--shard", paramLabel = "K/N", hidden = true)
  String shard;

  @Option(names = "--no-clobber", hidden = true)
  boolean noClobber;

  @Option(names = {"-N", "--timestamping"}, hidden = true)
  boolean timestamping;

  @Option(names = "--continue", hidden = true)
  boolean resume;

  /**
   * @throws ParameterException naming the first refused option given
   */
  void check(CommandSpec spec) {
    String given = skipDone != null ? "--skip-done" : results != null ? "--results"
        : shard != null ? "--shard"
        : noClobber ? "--no-clobber" : timestamping ? "--timestamping"
        : resume ? "--continue" : null;
    if (given != null) {
      throw new ParameterException(spec.commandLine(), "compare does not take " + given
          + ": a benchmark must download every URL in every run");
    }
  }
}
