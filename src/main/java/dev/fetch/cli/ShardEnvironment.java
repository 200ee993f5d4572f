package dev.fetch.cli;

import dev.fetch.input.Shard;
import dev.fetch.input.ShardBy;
import java.util.Map;

/**
 * Finds the shard of {@code --shard auto} in the variables a scheduler sets for each task: a
 * Kubernetes Indexed Job's {@code JOB_COMPLETION_INDEX} (0-based, so index i is shard i + 1; the
 * count is the Job's completions, given as {@code --shard-count}), or a Slurm job array's
 * {@code SLURM_ARRAY_TASK_ID}, {@code SLURM_ARRAY_TASK_COUNT}, {@code SLURM_ARRAY_TASK_MIN} and
 * {@code SLURM_ARRAY_TASK_STEP} (task ids MIN, MIN + STEP, … are shards 1, 2, …). Kubernetes is
 * looked at first. Pure: the environment is given.
 */
final class ShardEnvironment {
  static final String K8S_INDEX = "JOB_COMPLETION_INDEX";
  static final String SLURM_ID = "SLURM_ARRAY_TASK_ID";
  static final String SLURM_COUNT = "SLURM_ARRAY_TASK_COUNT";
  static final String SLURM_MIN = "SLURM_ARRAY_TASK_MIN";
  static final String SLURM_STEP = "SLURM_ARRAY_TASK_STEP";

  /** The shard found, and the words that say where from. */
  record Found(Shard shard, String source) {}

  private ShardEnvironment() {}

  /**
   * @param count {@code --shard-count}, or null
   * @throws IllegalArgumentException saying what is missing or malformed
   */
  static Found find(Map<String, String> env, Integer count, ShardBy by) {
    String index = env.get(K8S_INDEX);
    if (index != null) {
      if (count == null) {
        throw new IllegalArgumentException(K8S_INDEX + "=" + index + " is set (a Kubernetes "
            + "Indexed Job) but not the number of shards: add --shard-count N, the Job's "
            + "completions");
      }
      int i = number(K8S_INDEX, index);
      return new Found(shard(i + 1, count, by), K8S_INDEX + "=" + index + ", --shard-count "
          + count);
    }
    String id = env.get(SLURM_ID);
    if (id != null) {
      String total = env.get(SLURM_COUNT);
      if (total == null && count == null) {
        throw new IllegalArgumentException(SLURM_ID + " is set but not " + SLURM_COUNT
            + ": add --shard-count N");
      }
      int n = count != null ? count : number(SLURM_COUNT, total);
      if (count != null && total != null && number(SLURM_COUNT, total) != count) {
        throw new IllegalArgumentException("--shard-count " + count + " contradicts "
            + SLURM_COUNT + "=" + total);
      }
      int task = number(SLURM_ID, id);
      int min = env.containsKey(SLURM_MIN) ? number(SLURM_MIN, env.get(SLURM_MIN)) : 0;
      int step = env.containsKey(SLURM_STEP) ? number(SLURM_STEP, env.get(SLURM_STEP)) : 1;
      if (step < 1 || task < min || (task - min) % step != 0) {
        throw new IllegalArgumentException(SLURM_ID + "=" + id + " is not one of the array's "
            + "tasks " + min + ", " + min + " + " + step + ", …: give --shard K/N instead");
      }
      String source = SLURM_ID + "=" + id + ", " + (total != null ? SLURM_COUNT + "=" + total
          : "--shard-count " + count) + (min != 0 ? ", " + SLURM_MIN + "=" + min : "")
          + (step != 1 ? ", " + SLURM_STEP + "=" + step : "");
      return new Found(shard((task - min) / step + 1, n, by), source);
    }
    throw new IllegalArgumentException("no scheduler's variables found: neither "
        + K8S_INDEX + " (Kubernetes Indexed Job) nor " + SLURM_ID + " (Slurm job array) is "
        + "set; give --shard K/N");
  }

  private static Shard shard(int number, int count, ShardBy by) {
    return new Shard(number, count, by);
  }

  private static int number(String name, String value) {
    if (value == null || !value.trim().matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(name + "=" + dev.fetch.log.Diagnostics.printable(
          String.valueOf(value)) + " is not a number");
    }
    return Integer.parseInt(value.trim());
  }
}
