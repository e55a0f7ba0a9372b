#!/usr/bin/env bash
# The library against the plain baseline at equal CPU time, over seeds:
# runs `route-bench --baseline --seed S` of each given build for every
# seed, one build after the other per seed, and prints per build
#   - per seed: the instances where the library's tour is longer than the
#     baseline's (by how much) and the mean gap of the library;
#   - per instance: on how many seeds the library lost, and the mean gaps
#     of the library and of the baseline over the seeds.
# A loss that moves from instance to instance with the seed is luck of the
# draw; one that stays is the search's. route-bench gives the baseline the
# library's process CPU time, so a loaded machine changes both alike. A
# benchmark: it never fails on lengths or timing.
#
#   tests/route_seeds.sh [-s "1 2 3"] [-m MIN_POINTS] ROUTE_BENCH[,...] PATH ...
#
# ROUTE_BENCH is one route-bench binary or several joined by commas (say
# main's and this tree's); PATH are .tsp files or directories of them;
# -m keeps the instances of at least MIN_POINTS points (default 1000).
set -eu
seeds="1 2 3"
min=1000
while getopts "s:m:" opt; do
  case $opt in
  s) seeds=$OPTARG ;;
  m) min=$OPTARG ;;
  *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -lt 2 ]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
IFS=, read -r -a benches <<< "$1"
shift
files=()
for p in "$@"; do
  if [ -d "$p" ]; then
    for f in "$p"/*.tsp; do files+=("$f"); done
  else
    files+=("$p")
  fi
done
keep=()
seen=" "
for f in "${files[@]}"; do # an instance in two directories counts once
  n=$(sed -n 's/^DIMENSION *: *//p' "$f" | tr -d '\r ' | head -1)
  name=$(basename "$f")
  if [ -n "$n" ] && [ "$n" -ge "$min" ] && [[ $seen != *" $name "* ]]; then
    keep+=("$f")
    seen="$seen$name "
  fi
done
if [ ${#keep[@]} -eq 0 ]; then
  echo "route_seeds.sh: no instance of $min points or more" >&2
  exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for s in $seeds; do
  for b in "${!benches[@]}"; do
    "${benches[$b]}" --seed "$s" --baseline "${keep[@]}" | grep -v '^#' | sed "s/^/$s /" >> "$out/$b"
  done
done
for b in "${!benches[@]}"; do
  echo "# ${benches[$b]}: seeds $seeds, ${#keep[@]} instances of $min points or more"
  # fields: seed name n optimum length gap% cpu_ms baseline_length baseline_gap%
  awk '{
    if ($5 > $8) lost[$1] = lost[$1] " " $2 "(+" $5 - $8 ")"
    gap[$1] += $6; count[$1]++
  } END {
    for (s in count)
      printf "seed %s: mean gap %.3f %%, longer than the baseline on:%s\n", s, gap[s] / count[s],
             s in lost ? lost[s] : " none"
  }' "$out/$b" | sort -k2,2n
  awk '{
    if ($5 > $8) losses[$2]++
    g[$2] += $6; bg[$2] += $9; runs[$2]++; size[$2] = $3
  } END {
    for (i in runs)
      printf "%s %d lost %d of %d seeds, mean gap %.2f %% (baseline %.2f %%)\n", i, size[i],
             losses[i] + 0, runs[i], g[i] / runs[i], bg[i] / runs[i]
  }' "$out/$b" | sort -k2,2n -k1,1
done
