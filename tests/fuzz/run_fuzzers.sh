#!/bin/sh
# Runs every libFuzzer binary in <build-dir>/tests/fuzz/ for <seconds> each, on a
# temporary COPY of its checked-in corpus (the checked-in corpus never grows), prints the
# executions and exec/s per target, and exits non-zero if any target crashed, leaked,
# timed out or hit the RSS limit. Crash inputs are kept in <build-dir>/tests/fuzz/artifacts/.
#
# Usage: tests/fuzz/run_fuzzers.sh <build-dir> <seconds-per-target> [extra libFuzzer flags]
# Build the binaries with the `fuzz` preset (or clang + -DCXKIT_BUILD_FUZZERS=ON).
# The random seed is fixed (FUZZ_SEED, default 1) so that a run can be repeated: with the same
# binaries and corpus, a target explores the same inputs in the same order (a faster machine
# gets further in the same time).
set -u
if [ $# -lt 2 ]; then
  echo "usage: $0 <build-dir> <seconds-per-target> [libFuzzer flags...]" >&2
  exit 2
fi
build=$1
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
bin_dir=$build/tests/fuzz
artifacts=$bin_dir/artifacts
mkdir -p "$artifacts"
work=$(mktemp -d "${TMPDIR:-/tmp}/cxkit-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

found=0
failed=0
for fuzzer in "$bin_dir"/*_fuzzer; do
  [ -x "$fuzzer" ] || continue
  found=$((found + 1))
  name=$(basename "$fuzzer" _fuzzer)
  corpus=$work/$name
  mkdir -p "$corpus"
  if [ -d "$here/corpus/$name" ]; then cp "$here/corpus/$name"/* "$corpus"/ 2>/dev/null; fi
  log=$work/$name.log
  "$fuzzer" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -seed="${FUZZ_SEED:-1}" -artifact_prefix="$artifacts/$name-" "$@" \
    >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  if [ $rc -eq 0 ]; then
    printf '%-22s ok    %12s executions %8s exec/s\n' "$name" "${execs:-?}" "${rate:-?}"
  else
    failed=$((failed + 1))
    printf '%-22s FAIL  exit %s after %s executions; log tail:\n' "$name" "$rc" "${execs:-?}"
    grep -E 'ERROR|invariant failed|SUMMARY|Test unit written|leak' "$log" | head -n 20
    tail -n 5 "$log"
  fi
done
if [ $found -eq 0 ]; then
  echo "no *_fuzzer binaries in $bin_dir (configure with -DCXKIT_BUILD_FUZZERS=ON)" >&2
  exit 1
fi
echo "$found fuzz targets, $failed failed"
[ $failed -eq 0 ]
