#!/usr/bin/env bash
# Old against new route solver, side by side in one run: runs two
# route-bench binaries (say main's build and this tree's) alternately on
# each .tsp file and prints, per instance, both lengths and gaps and both
# user CPU times with the ratio new / old. Only the first four fields of a
# route-bench line are read, so an older route-bench (which prints
# "name n length ms") works too. Never fails on timing.
#
#   tests/route_compare.sh OLD_ROUTE_BENCH NEW_ROUTE_BENCH FILE.tsp ...
set -eu
old=$1 new=$2
shift 2
TIMEFORMAT=%U
optimum() { # optima.txt next to the file
  local f=$1 name
  name=$(sed -n 's/^NAME *: *//p' "$f" | tr -d '\r ')
  awk -v n="$name" '$1 == n { print $2 }' "$(dirname "$f")/optima.txt" 2>/dev/null | head -1
}
len_of() { # the length field of either format (the one after n, or after the optimum)
  awk '!/^#/ { if (NF == 4) print $3; else print $4 }'
}
echo "# name n optimum old_length old_gap% new_length new_gap% old_cpu_s new_cpu_s new/old"
for f in "$@"; do
  opt=$(optimum "$f")
  { t_old=$( { time "$old" "$f" > /tmp/route_compare_old.$$; } 2>&1 ); } || true
  { t_new=$( { time "$new" "$f" > /tmp/route_compare_new.$$; } 2>&1 ); } || true
  lo=$(len_of < /tmp/route_compare_old.$$)
  ln=$(len_of < /tmp/route_compare_new.$$)
  n=$(awk '!/^#/ { print $2 }' /tmp/route_compare_new.$$)
  awk -v f="$(basename "$f" .tsp)" -v n="$n" -v opt="${opt:--1}" -v lo="$lo" -v ln="$ln" -v to="$t_old" -v tn="$t_new" 'BEGIN {
    go = opt > 0 ? sprintf("%.2f", 100 * (lo - opt) / opt) : "-";
    gn = opt > 0 ? sprintf("%.2f", 100 * (ln - opt) / opt) : "-";
    r = (to > 0) ? tn / to : 0;
    printf "%s %s %s %s %s %s %s %.3f %.3f %.2f\n", f, n, opt, lo, go, ln, gn, to, tn, r }'
done
rm -f /tmp/route_compare_old.$$ /tmp/route_compare_new.$$
