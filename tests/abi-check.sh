#!/usr/bin/env bash
# Compares the built shared library with the committed ABI baseline
# (tests/abi/libcustcadence.so.1.abi) using abidiff (Debian abigail-tools).
#   exit 0: identical, or only functions added (a compatible 1.x addition);
#   exit 1: an incompatible or reviewable change (a changed type or function,
#           a removed symbol), or abidiff failed.
# Usage: tests/abi-check.sh BUILD_DIR   (a build with debug info, e.g. RelWithDebInfo)
# The baseline is 1.0.0's and stays so for every 1.x (docs/ABI.md): additions
# pass, anything removed or changed fails. It was made with
#   abidw --headers-dir include --headers-dir BUILD_DIR/include --no-corpus-path \
#         --out-file tests/abi/libcustcadence.so.1.abi BUILD_DIR/lib/libcustcadence.so.1
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: abi-check.sh BUILD_DIR}
so="$build/lib/libcustcadence.so.1"
base="$here/tests/abi/libcustcadence.so.1.abi"
report=$(abidiff --headers-dir1 "$here/include" --headers-dir2 "$here/include" \
  --headers-dir2 "$build/include" "$base" "$so")
rc=$?
echo "$report" | sed -n '1,3p'
if [ $rc -eq 0 ]; then
  echo "abi: identical to the baseline"
  exit 0
fi
if [ $((rc & 3)) -ne 0 ]; then
  echo "abi: abidiff failed (exit $rc)"; echo "$report"; exit 1
fi
if [ $((rc & 8)) -ne 0 ]; then
  echo "abi: INCOMPATIBLE change against the baseline (exit $rc)"; echo "$report"; exit 1
fi
# rc & 4: a change; allowed only if nothing was removed or changed
if echo "$report" | grep -q "Functions changes summary: 0 Removed, 0 Changed" &&
   echo "$report" | grep -q "Variables changes summary: 0 Removed, 0 Changed"; then
  echo "abi: compatible additions only against the 1.0 baseline (each in its version node)"
  exit 0
fi
# A changed function is allowed when its only change is a size-versioned
# struct grown at its end (docs/ABI.md): every line of the "changed" part
# is one of the forms below, and every inserted member lies at or past the
# struct's old size (or is a padding_* member filling the old tail padding). Anything else (a member changed, removed or moved, a
# return type changed) is reported.
appended_only() {
  echo "$report" | awk '
    /^Functions changes summary: 0 Removed, [0-9]+ Changed/ { ok_summary = 1 }
    /^Variables changes summary: 0 Removed, 0 Changed/ { ok_vars = 1 }
    /functions? with some indirect sub-type change/ { in_changed = 1; next }
    !in_changed { next }
    /^[[:space:]]*$/ { next }
    /^  \[C\] .function / { next }
    /^[[:space:]]+parameter [0-9]+ of type .* has sub-type changes:$/ { next }
    /^[[:space:]]+in pointed to type .typedef ccad_[a-z_]+. at / { next }
    /^[[:space:]]+in pointed to type .const ccad_[a-z_]+.:$/ { next }
    /^[[:space:]]+in unqualified underlying type .typedef ccad_[a-z_]+. at / { next }
    /^[[:space:]]+underlying type .struct ccad_[a-z_]+. at .* changed:$/ { next }
    /^[[:space:]]+type size changed from [0-9]+ to [0-9]+ \(in bits\)$/ { old = $5 + 0; next }
    /^[[:space:]]+[0-9]+ data member insertions?:$/ { next }
    /^[[:space:]]+.*, at offset [0-9]+ \(in bits\) at / {
      for (i = 1; i <= NF; i++) if ($i == "offset") off = $(i + 1) + 0
      # a member named padding_* may fill the tail padding of the old struct
      # (ccad_customer.padding_1_0): it holds nothing and keeps the real new
      # members past the old size
      if (off < old && $0 !~ /padding_[0-9_]+/) bad = 1
      next
    }
    { bad = 1; print "abi: not an appended member: " $0 > "/dev/stderr" }
    END { exit !(ok_summary && ok_vars && in_changed && !bad) }'
}
if appended_only; then
  echo "abi: compatible additions only against the 1.0 baseline (new functions in their"
  echo "     version node; size-versioned structs grown at their end)"
  exit 0
fi
echo "abi: changed types or functions against the baseline (exit $rc): review, this breaks the promise"
echo "$report"
exit 1
