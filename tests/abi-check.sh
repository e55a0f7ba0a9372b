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
echo "abi: changed types or functions against the baseline (exit $rc): review, this breaks the promise"
echo "$report"
exit 1
