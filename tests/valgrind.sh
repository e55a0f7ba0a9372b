#!/usr/bin/env bash
# valgrind.sh BUILD_DIR - every cmocka test program of a build (tests/test_*)
# the fuzz harnesses replaying their committed corpora (fuzz_<h>_replay) and
# the example programs' default runs (bundled data, --today 2026-11-23, and
# the SQLite store's test) under memcheck:
#   valgrind --error-exitcode=99 --leak-check=full
#            --errors-for-leak-kinds=definite,indirect -q
# Prints one line per program and the summary
#   valgrind binaries=N errors=0 skipped=...
# and exits non-zero if any program had a memcheck error or a leak, or failed
# on its own. Programs run $(nproc) at a time.
# VALGRIND_SKIP (space-separated names, default none) leaves programs out;
# nothing is skipped by default. Use a build without sanitizers (Release).
# The programs run with CCAD_TEST_LIGHT=1, which keeps memcheck off the
# largest generated inputs, each of which the plain and both sanitizer runs
# still check in full:
#   test_route_props    its eight tours of 400 to 3,000 points;
#   test_route_solvers  the random tours of 1,000 and 2,000 points;
#   test_faults         in a census of more than 64 rounds, only every 16th
#                       round and the last past the 64th (the host-travel
#                       cases fail one leg query after another, some 1,700
#                       rounds of a whole routed plan each).
# The time each program took is printed beside its name, slowest first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:?usage: tests/valgrind.sh BUILD_DIR}
build=$(cd "$build" && pwd)
skip=" ${VALGRIND_SKIP-} "
jobs=$(nproc 2>/dev/null || echo 2)
vg=(valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect -q)
logs=$build/valgrind
rm -rf "$logs"
mkdir -p "$logs"
ex=$build/examples
today=2026-11-23

# name|command (run in its own scratch directory)
progs=()
for t in "$build"/tests/test_*; do
  [ -x "$t" ] && [ -f "$t" ] || continue
  progs+=("$(basename "$t")|$t")
done
for r in "$build"/tests/fuzz/fuzz_*_replay; do
  [ -x "$r" ] || continue
  h=$(basename "$r" _replay)
  h=${h#fuzz_}
  progs+=("$(basename "$r")|$r $root/tests/fuzz/corpus/$h")
done
if [ -d "$ex" ]; then
  for p in ccad-due ccad-plan ccad-ics ccad-map; do
    [ -x "$ex/$p" ] && progs+=("$p|$ex/$p --today $today")
  done
  [ -x "$ex/sqlite-store/ccad-sqlite-store-test" ] &&
    progs+=("ccad-sqlite-store-test|$ex/sqlite-store/ccad-sqlite-store-test store.db")
fi

run_one() { # name command...
  local name=$1 rc start
  shift
  mkdir -p "$logs/$name.dir"
  start=$(date +%s)
  set +e
  ( cd "$logs/$name.dir" && CCAD_TEST_LIGHT=1 CMOCKA_MESSAGE_OUTPUT=stdout "${vg[@]}" "$@" ) >"$logs/$name.log" 2>&1
  rc=$?
  set -e
  echo "$rc $(( $(date +%s) - start ))" >"$logs/$name.rc"
}

n=0
skipped=()
for entry in "${progs[@]}"; do
  name=${entry%%|*}
  cmd=${entry#*|}
  if [[ "$skip" == *" $name "* ]]; then
    skipped+=("$name")
    continue
  fi
  # shellcheck disable=SC2086
  run_one "$name" $cmd &
  n=$((n + 1))
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
done
wait

errors=0
# slowest first: the place to look when the suite gets slower
mapfile -t progs < <(for entry in "${progs[@]}"; do
  name=${entry%%|*}
  secs=0
  [ -f "$logs/$name.rc" ] && read -r _ secs <"$logs/$name.rc"
  printf '%s\t%s\n' "$secs" "$entry"
done | sort -t$'\t' -k1,1nr | cut -f2-)
for entry in "${progs[@]}"; do
  name=${entry%%|*}
  [ -f "$logs/$name.rc" ] || continue
  read -r rc secs <"$logs/$name.rc"
  status=ok
  if grep -q '^\[  FAILED  \]' "$logs/$name.log"; then
    status="TEST FAILED (exit $rc)"
    errors=$((errors + 1))
  elif [ "$rc" -eq 99 ]; then
    status="MEMCHECK ERRORS"
    errors=$((errors + 1))
  elif [ "$rc" -ne 0 ]; then
    status="FAILED (exit $rc)"
    errors=$((errors + 1))
  fi
  printf 'valgrind %-26s %4ss %s\n' "$name" "$secs" "$status"
  if [ "$status" != ok ]; then
    sed 's/^/    /' "$logs/$name.log" | tail -60
  fi
done
echo "valgrind binaries=$n errors=$errors skipped=${skipped[*]:-none}"
[ "$errors" -eq 0 ]
