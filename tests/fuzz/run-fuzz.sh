#!/usr/bin/env bash
# run-fuzz.sh [SECONDS] [HARNESS...] - real fuzzing with libFuzzer (docs/fuzzing.md).
#
# Configures a separate Clang build in build/fuzz with -DCCAD_FUZZ=ON, builds
# the fuzzers, and runs each harness for SECONDS (default 60) with
# -max_total_time on a fresh copy of its committed seed corpus (the committed
# corpus is never modified). Prints one line per harness:
#   fuzz rules execs=123456 corpus=321 crashes=0
# and exits non-zero if any harness crashed (an abort on a broken invariant,
# a sanitizer report, a leak, a timeout or running out of memory). The
# harnesses run FUZZ_JOBS at a time (default: the number of cores). Crash
# inputs and logs stay in build/fuzz/work/<harness>/.
# libFuzzer stops at the first crash; FUZZ_KEEP_GOING=1 runs it in fork mode
# with -ignore_crashes=1 instead, so a known bug does not end the run early
# and every crash found in the time is counted.
# Needs clang and libFuzzer's runtime (Debian: clang libclang-rt-14-dev).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
secs=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(rules contacts csv route reason ics svg snapshot)
case $secs in ''|*[!0-9]*) echo "run-fuzz.sh: SECONDS must be a number, not '$secs'" >&2; exit 2;; esac

build=$root/build/fuzz
jobs=$(nproc 2>/dev/null || echo 2)
CC=${FUZZ_CC:-clang} cmake -S "$root" -B "$build" -DCCAD_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=()
for h in "${harnesses[@]}"; do targets+=("fuzz_$h"); done
cmake --build "$build" -j"$jobs" --target "${targets[@]}" >/dev/null

# One harness: fuzz it and write its summary line to $work/summary.
fuzz_one() {
  local h=$1 work=$build/work/$1 rc execs corpus crashes
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp "$root/tests/fuzz/corpus/$h/." "$work/corpus/" -R
  local dict=() mode=()
  [ -f "$root/tests/fuzz/$h.dict" ] && dict=(-dict="$root/tests/fuzz/$h.dict")
  [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && mode=(-fork=1 -ignore_crashes=1)
  set +e
  ( cd "$work" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
      "$build/tests/fuzz/fuzz_$h" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$work/artifacts/" "${mode[@]}" "${dict[@]}" \
      "$work/corpus" >"$work/log.txt" 2>&1 )
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log.txt" | tail -1)
  if [ -z "$execs" ]; then # fork mode: the last status line "#N: cov: ..."
    execs=$(sed -n 's/^#\([0-9][0-9]*\): cov:.*/\1/p' "$work/log.txt" | tail -1)
  fi
  corpus=$(find "$work/corpus" -type f | wc -l)
  crashes=$(find "$work/artifacts" -type f | wc -l)
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
  echo "fuzz $h execs=${execs:-0} corpus=$corpus crashes=$crashes" >"$work/summary"
}

# The harnesses run FUZZ_JOBS at a time (default: one per core; each
# libFuzzer process uses one core), then their lines print in order.
parallel=${FUZZ_JOBS:-$jobs}
case $parallel in ''|*[!0-9]*|0) echo "run-fuzz.sh: FUZZ_JOBS must be a positive number" >&2; exit 2;; esac
running=0
for h in "${harnesses[@]}"; do
  fuzz_one "$h" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then wait -n || true; running=$((running - 1)); fi
done
wait || true

failed=0
for h in "${harnesses[@]}"; do
  work=$build/work/$h
  if [ ! -f "$work/summary" ]; then
    echo "fuzz $h: no summary (the harness did not finish)" >&2
    failed=1
    continue
  fi
  cat "$work/summary"
  if ! grep -q ' crashes=0$' "$work/summary"; then
    failed=1
    echo "  log: $work/log.txt" >&2
    find "$work/artifacts" -type f | sed 's/^/  input: /' >&2
  fi
done
exit $failed
