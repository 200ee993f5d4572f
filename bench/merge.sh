#!/usr/bin/env bash
# Benchmark of `fetch merge` (issue #18): 8 shards' results files of 1,000,000 lines each,
# merged into one run of 8,000,000 URLs. Reports wall time and peak resident memory (GNU time)
# for the summary alone and for the whole merged stream (-f jsonl to /dev/null).
#
#   bench/merge.sh [SHARDS] [LINES_PER_SHARD] [WORK_DIR]     # defaults: 8 1000000 /tmp/fetch-merge-bench
#   JAVA_OPTS='-XX:TieredStopAtLevel=4 -Xmx192m' bench/merge.sh   # C2, and a heap that proves the bound
#
# Exit 1 is expected: one line in a thousand is a failure.
# The files are generated with awk in the very format `fetch -f jsonl` / --results writes (a
# result line per URL, dealt out by index as --shard K/N --shard-by index would, then a summary
# line; one in a thousand is a 404 failure). Results go to stdout as a Markdown table row per
# measurement; run it on an idle machine. The files (2.1 GB) are kept in WORK_DIR for the next run.
set -euo pipefail

shards="${1:-8}"
per_shard="${2:-1000000}"
work="${3:-/tmp/fetch-merge-bench}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fetch="$root/fetch"
total=$((shards * per_shard))

mkdir -p "$work"
for k in $(seq 1 "$shards"); do
  file="$work/shard-$k.jsonl"
  if [[ -s "$file" ]]; then continue; fi
  awk -v k="$k" -v n="$shards" -v total="$total" 'BEGIN {
    for (i = k - 1; i < total; i += n) {
      failed = (i % 1000 == 999)
      printf "{\"type\":\"result\",\"index\":%d,\"url\":\"http://host%d.test/pages/%d.html\",", i, i % 97, i
      if (failed) {
        printf "\"status\":404,\"bytes\":10,\"elapsed_ms\":1.250,\"attempts\":1,\"worker\":\"worker-%d\",\"error\":\"HTTP 404 Not Found\",\"error_kind\":\"http\",\"protocol\":\"http/1.1\",\"outcome\":\"failed\",\"path\":null,\"file_bytes\":null}\n", i % 32
      } else {
        printf "\"status\":200,\"bytes\":16384,\"elapsed_ms\":3.512,\"attempts\":1,\"worker\":\"worker-%d\",\"error\":null,\"error_kind\":null,\"protocol\":\"http/1.1\",\"outcome\":\"downloaded\",\"path\":\"%d.html\",\"file_bytes\":16384}\n", i % 32, i
      }
    }
    printf "{\"type\":\"summary\",\"mode\":\"threads\",\"workers\":32,\"urls\":%d,\"succeeded\":0,\"failed\":0,\"bytes\":0,\"elapsed_ms\":60000.000,\"unfinished\":0,\"interrupted\":false,\"worker_crashes\":0,\"downloaded\":0,\"not_modified\":0,\"skipped\":0}\n", total / n
  }' > "$file.tmp"
  mv "$file.tmp" "$file"
done
"$fetch" --version > /dev/null # build the jar if stale, outside the measurement

measure() {
  local label="$1"
  shift
  local log="$work/time.log"
  local status=0
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || status=$?
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.1f s", u + s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
  echo "| $label | $(du -ch "$work"/shard-*.jsonl | tail -1 | cut -f1) | $wall | $cpu | $rss MiB | $status |"
}

echo "| merge of $shards × $per_shard lines (JAVA_OPTS=${JAVA_OPTS:-}) | input | wall time | CPU (user + sys) | peak RSS | exit |"
echo "|---|---:|---:|---:|---:|---:|"
measure "summary (text)" "$fetch" merge "$work"/shard-*.jsonl --expect "$total" \
  --shard-count "$shards" --shard-by index
measure "every result (-f jsonl)" "$fetch" merge "$work"/shard-*.jsonl --expect "$total" \
  --shard-count "$shards" --shard-by index -f jsonl
