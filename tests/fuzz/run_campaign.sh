#!/bin/sh
# A long fuzz campaign: runs each named target to 10,000,000 executions on a persistent
# corpus (<campaign-dir>/corpus/<target>, seeded from the checked-in one, which never grows),
# in <chunks> runs of 10M / chunks executions with seeds base+1.. so that an interrupted
# campaign keeps what it completed. Every chunk appends a start and an end line (exit code,
# executions, exec/s, the source revision) to <campaign-dir>/campaign.log; its libFuzzer
# output is <campaign-dir>/<target>.s<seed>.log and findings go to <campaign-dir>/artifacts/.
# A target's total is the sum of its chunks' executions that ended with exit code 0; the
# script exits 1 if any chunk did not.
#
# Usage: tests/fuzz/run_campaign.sh <build-dir> <campaign-dir> <target>[:<chunks>]...
#   FUZZ_SEED_BASE=100 (default 0) gives a second process on the same target other seeds;
#   both may share the corpus directory. FUZZ_CAMPAIGN_RUNS (default 10000000) changes the
#   total, e.g. to try the script.
# Build the binaries with the `fuzz` preset. Runs at nice 19.
set -u
if [ $# -lt 3 ]; then
  echo "usage: $0 <build-dir> <campaign-dir> <target>[:<chunks>]..." >&2
  exit 2
fi
bin=$(cd "$1" && pwd)/tests/fuzz
campaign=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$campaign/artifacts"
cd "$campaign" || exit 2

# call_json parses and prints JSON with protobuf's allocation-heavy converter six times per
# input, which ASan makes slow: shorter inputs and no entropic schedule (its per-feature
# bookkeeping took half of the time) keep it near 500 exec/s. For every target ASan records
# no allocation stacks (malloc_context_size=0, unless ASAN_OPTIONS is set): that saves a
# fifth of the time, and a finding is replayed with full reports afterwards.
flags() {
  if [ "$1" = call_json ]; then echo "-max_len=4096 -entropic=0"; fi
}

failed=0
for spec in "$@"; do
  target=${spec%%:*}
  chunks=1
  if [ "$target" != "$spec" ]; then chunks=${spec#*:}; fi
  mkdir -p "corpus/$target"
  cp -n "$here/corpus/$target"/* "corpus/$target/" 2>/dev/null
  case $chunks in
    '' | *[!0-9]* | 0) echo "$0: bad chunk count in $spec" >&2; exit 2 ;;
  esac
  runs=$(((${FUZZ_CAMPAIGN_RUNS:-10000000} + chunks - 1) / chunks))  # rounded up
  chunk=1
  while [ "$chunk" -le "$chunks" ]; do
    seed=$((${FUZZ_SEED_BASE:-0} + chunk))
    log=$target.s$seed.log
    # Read per chunk: binaries rebuilt at a new checkout during a campaign
    # run the next chunks, which then log the new revision.
    rev=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)
    echo "$(date -u +%FT%TZ) start $target chunk $chunk/$chunks seed=$seed runs=$runs rev=$rev" \
      >>campaign.log
    # shellcheck disable=SC2046  # flags() is word-split on purpose
    ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0} nice -n 19 "$bin/${target}_fuzzer" \
      "corpus/$target" -runs="$runs" -seed="$seed" $(flags "$target") -timeout=60 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="artifacts/$target-" \
      >"$log" 2>&1
    rc=$?
    if [ "$rc" -ne 0 ]; then failed=1; fi
    stats=$(grep -E 'stat::number_of_executed_units|average_exec_per_sec' "$log" | tr -s ' \n' ' ')
    echo "$(date -u +%FT%TZ) end $target chunk $chunk/$chunks rc=$rc $stats" >>campaign.log
    chunk=$((chunk + 1))
  done
done
exit "$failed"
