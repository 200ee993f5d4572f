#!/bin/bash
# A URL list downloaded by a Slurm job array: one task per shard, then one merge.
#
#   jobid=$(sbatch --parsable slurm-array.sh urls.txt out)
#   sbatch --dependency=afterany:"$jobid" --wrap \
#     "fetch merge out/results/shard-*.jsonl --list urls.txt --shard-count 8"
#
# Each task runs `fetch --shard auto`, which reads SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT
# and SLURM_ARRAY_TASK_MIN (tasks MIN, MIN+1, … are shards 1, 2, …; a step is followed too) and
# says on stderr which shard it took. URLs are dealt out by host. Results go to a journal per
# task in a shared directory (--results, flushed per line). A task that is requeued (a node
# failure, preemption: --requeue) finds its journal and passes it to --skip-done, so it
# downloads only what was not finished. A task whose URLs partly failed ends with status 0: the
# failures are in its journal and `fetch merge` reports them.
#
# The project's tests run this script with the variables Slurm sets, against `fetch serve`.
#SBATCH --job-name=fetch-shards
#SBATCH --array=0-7
#SBATCH --requeue
#SBATCH --cpus-per-task=4
#SBATCH --time=04:00:00
#SBATCH --output=fetch-%A_%a.log
set -euo pipefail

list="${1:?usage: sbatch slurm-array.sh LIST [OUT]}"
out="${2:-fetch-out}"
mkdir -p "$out/results" "$out/pages"
journal="$out/results/shard-$SLURM_ARRAY_TASK_ID.jsonl"

args=(--shard auto --results "$journal" -o "$out/pages" -q)
if [[ -s "$journal" ]]; then
  # A requeued task: skip what it finished before.
  args+=(--skip-done "$journal")
fi
status=0
fetch "${args[@]}" "$list" || status=$?
# 1: some URLs failed; they are in the journal and fetch merge reports them.
if [[ "$status" -eq 1 ]]; then
  status=0
fi
exit "$status"
