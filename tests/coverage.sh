#!/usr/bin/env bash
# coverage.sh - line and branch coverage of lib/ by the ctest suite.
#
# Builds with gcc --coverage -O0 in build/coverage, runs the whole ctest
# suite there, then runs gcov -b -c on the library's objects (one set, the
# object library both the shared and the static library are made of) and
# prints one row per lib/*.c and lib/*/*.c file and the totals:
#   file        lines   line%  branches  branch%
# (The symbols check is left out: gcov adds its own symbols to the library.)
# The percentages never fail the script; a build or test failure does.
# Needs gcc, gcov and python3 only (no gcovr or lcov).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$root/build/coverage
jobs=$(nproc 2>/dev/null || echo 2)

CC=gcc CXX=g++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS="--coverage -O0" -DCMAKE_CXX_FLAGS="--coverage -O0" \
  -DCMAKE_EXE_LINKER_FLAGS=--coverage -DCMAKE_SHARED_LINKER_FLAGS=--coverage >/dev/null
cmake --build "$build" -j"$jobs" >/dev/null
find "$build" -name '*.gcda' -delete
ctest --test-dir "$build" -j"$jobs" --output-on-failure -E "^symbols$" >"$build/ctest.log" 2>&1 || {
  tail -40 "$build/ctest.log"; echo "coverage: ctest failed" >&2; exit 1; }
grep -E '^[0-9]+% tests passed' "$build/ctest.log" || true

out=$build/gcov
rm -rf "$out"
mkdir -p "$out"
for t in custcadence_objects; do
  objdir=$build/lib/CMakeFiles/$t.dir
  mkdir -p "$out/$t"
  ( cd "$out/$t" && find "$objdir" -name '*.c.gcno' -print0 | sort -z |
      xargs -0 gcov -b -c >gcov.txt 2>&1 ) || {
    cat "$out/$t/gcov.txt"; echo "coverage: gcov failed" >&2; exit 1; }
done
# the two files that must reach 100 % branches list what they miss, if anything
python3 "$root/tests/coverage_report.py" "$root/lib" "$out/custcadence_objects" \
  --uncovered rules.c rules_parse.c store.c
