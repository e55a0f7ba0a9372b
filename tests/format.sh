#!/usr/bin/env bash
# The C style of .clang-format, made mechanical.
#   tests/format.sh --check   exit 1 and list the differences if any tracked C
#                             file of lib/, include/, examples/, tests/ or
#                             bindings/ is not formatted as .clang-format says
#   tests/format.sh --apply   reformat those files in place
# CLANG_FORMAT names the program (default: clang-format-14, else clang-format;
# Debian package clang-format). The same version must check and apply: other
# versions break some lines differently.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
case "$mode" in
  --check|--apply) ;;
  *) echo "usage: tests/format.sh --check | --apply" >&2; exit 2 ;;
esac
cf=${CLANG_FORMAT:-}
if [ -z "$cf" ]; then
  if command -v clang-format-14 >/dev/null 2>&1; then cf=clang-format-14; else cf=clang-format; fi
fi
command -v "$cf" >/dev/null 2>&1 || { echo "format.sh: $cf not found (Debian package clang-format)" >&2; exit 2; }
# examples/hello.c is left out: it is the README's code sample, character for
# character (ctest ccad_readme_sample), laid out for reading in the README.
mapfile -t files < <(git ls-files -- 'lib/*.c' 'lib/*.h' 'include/*.h' 'examples/*.c' 'examples/*.h' \
                                     'tests/*.c' 'tests/*.h' 'bindings/*.c' 'bindings/*.h' \
                                     ':!examples/hello.c')
[ ${#files[@]} -gt 0 ] || { echo "format.sh: no C files found" >&2; exit 2; }
if [ "$mode" = --apply ]; then
  "$cf" --style=file -i "${files[@]}"
  echo "format.sh: ${#files[@]} files formatted"
else
  "$cf" --style=file --dry-run -Werror "${files[@]}"
  echo "format.sh: ${#files[@]} files as .clang-format says"
fi
