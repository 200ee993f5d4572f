package dev.fetch.cli;

import dev.fetch.input.Inputs;
import dev.fetch.input.Shard;
import dev.fetch.input.ShardBy;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which part of the list this machine downloads when a run is split over several (a picocli
 * mixin of {@link FetchCommand}): {@code --shard K/N} or {@code --shard auto}, which reads the
 * scheduler's environment ({@link ShardEnvironment}). {@link #select} checks them before the
 * first request and gives the inputs their {@link Shard}.
 */
final class ShardOptions {
  @Option(names = "--shard", paramLabel = "K/N|auto",
      description = "Download only shard K of N (counted from 1, as test runners do) of the "
          + "list; indexes stay positions in the whole list. auto: from JOB_COMPLETION_INDEX "
          + "(Kubernetes Indexed Job, with --shard-count) or SLURM_ARRAY_TASK_ID and "
          + "SLURM_ARRAY_TASK_COUNT (Slurm job array).")
  String shard;

  @Option(names = "--shard-count", paramLabel = "N",
      description = "The number of shards for --shard auto (a Kubernetes Job's completions).")
  Integer count;

  @Option(names = "--shard-by", paramLabel = "KEY", defaultValue = "host",
      description = "Deal URLs out to shards by ${COMPLETION-CANDIDATES} (default: "
          + "${DEFAULT-VALUE}: a host's URLs stay on one machine, so --per-host holds; index "
          + "for a list of one host).")
  ShardBy by;

  /**
   * {@code inputs}, of which only the shard asked for is read, or {@code inputs} itself without
   * {@code --shard}. For {@code auto}, says on {@code err} where the shard came from.
   *
   * @throws ParameterException if the options are malformed or contradict each other, or
   *     {@code auto} finds no scheduler's variables
   */
  Inputs select(CommandSpec spec, Inputs inputs, Map<String, String> env, PrintWriter err) {
    if (shard == null) {
      if (count != null) {
        throw new ParameterException(spec.commandLine(),
            "--shard-count needs --shard auto: it is the number of shards auto divides into");
      }
      if (spec.commandLine().getParseResult().hasMatchedOption("--shard-by")) {
        throw new ParameterException(spec.commandLine(), "--shard-by needs --shard");
      }
      return inputs;
    }
    Shard chosen;
    try {
      if (shard.equals("auto")) {
        ShardEnvironment.Found found = ShardEnvironment.find(env, count, by);
        chosen = found.shard();
        err.println("fetch: --shard auto: shard " + chosen + " (" + found.source() + ")");
        err.flush();
      } else {
        chosen = Shard.parse(shard, by);
        if (count != null && count != chosen.count()) {
          throw new IllegalArgumentException("--shard-count " + count + " contradicts --shard "
              + shard);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--shard " + printable(shard) + ": "
          + e.getMessage());
    }
    return inputs.shard(chosen);
  }

  private static String printable(String text) {
    return dev.fetch.log.Diagnostics.printable(text);
  }
}
