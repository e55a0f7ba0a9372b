#!/bin/sh
# The performance benchmark suite in one command (docs/performance.md,
# "Benchmark suite"): configures and builds a Release tree (build-rel by
# default, BUILD=dir to change), then runs every figure and prints all
# lines. Prints figures only; never fails on timing. About 2-3 minutes
# on a 2-core machine; the 10M-customer run needs about 4 GB of memory.
#
#   tests/bench.sh            # everything
#   QUICK=1 tests/bench.sh    # 1M assessment only, 1,000 reps instead of 10,000
#   CCAD_BASE_LIB=../base/build-rel/lib/libcustcadence.so.1 tests/bench.sh
#                             # small routes timed against that build
#   CCAD_TSPLIB_BIG=/work/tsplib-big tests/bench.sh   # routes on more TSPLIB
#                             # instances too (a directory of .tsp files with
#                             # an optima.txt; several minutes)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$here/build-rel}
tsplib=${CCAD_TSPLIB_DIR:-$here/../shared/data/tsplib}
quick=${QUICK:-0}

cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target bench-perf bench-week route-bench bench-route-small custcadence >/dev/null

echo "# machine: nproc=$(nproc) cpu=\"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)\" $(gcc --version | head -1)"
echo "# build: $build ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt"))"
echo "# source: $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown), $(git -C "$here" status --porcelain lib include 2>/dev/null | wc -l) changed files under lib/ and include/"
echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
bp=$build/tests/bench-perf

echo "## memory"
"$bp" mem 1000000
echo "## assess"
"$bp" assess 1000000
if [ "$quick" = 0 ]; then
  "$bp" assess 10000000
fi
echo "## plan"
if [ "$quick" = 0 ]; then "$bp" plan; else "$bp" plan --quick; fi
echo "## week plans on the bundled territory"
"$build/tests/bench-week" territory
echo "## routes (CPU ms; the baseline of tests/route_baseline.c at equal time)"
if ls "$tsplib"/*.tsp >/dev/null 2>&1; then
  "$build/tests/route-bench" --baseline "$tsplib"
else
  echo "route-bench skipped (no TSPLIB files in $tsplib)"
fi
if [ -n "${CCAD_TSPLIB_BIG:-}" ]; then
  echo "## routes on $CCAD_TSPLIB_BIG"
  "$build/tests/route-bench" --baseline "$CCAD_TSPLIB_BIG"
fi
echo "## small routes: old build against new, side by side (tests/bench_route_small.c)"
"$build/tests/bench-route-small" "${CCAD_BASE_LIB:-$build/lib/libcustcadence.so.1}" \
  "$build/lib/libcustcadence.so.1" --instances "$([ "$quick" = 0 ] && echo 200 || echo 40)"
echo "## python"
CUSTCADENCE_LIB=$build/lib/libcustcadence.so.1 python3 "$here/tests/bench_perf.py" \
  --bench "$bp" --count 1000000
echo "## python binding: per-call costs, main's binding against this one (tests/bench_binding.py)"
CUSTCADENCE_LIB=$build/lib/libcustcadence.so.1 "${PYTHON:-python3}" "$here/tests/bench_binding.py" \
  --customers "$([ "$quick" = 0 ] && echo 1000000 || echo 200000)"
