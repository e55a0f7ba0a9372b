#!/usr/bin/env bash
# Checks the shared library's promises: only ccad_ symbols are exported,
# the soname is the major version, and there is no writable global data.
set -euo pipefail
so=${1:?usage: check-symbols.sh path/to/libcustcadence.so}
fail=0
bad=$(nm -D --defined-only "$so" | awk '$2 ~ /[TtDdBbRrWwVv]/ {print $3}' | grep -v '^ccad_' || true)
if [ -n "$bad" ]; then echo "exported symbols without the ccad_ prefix:"; echo "$bad"; fail=1; fi
count=$(nm -D --defined-only "$so" | awk '$2 == "T"' | grep -c ' ccad_' || true)
echo "exported ccad_ functions: $count"
[ "$count" -gt 0 ] || { echo "no ccad_ functions exported"; fail=1; }
writable=$(nm "$so" | awk '$2 ~ /^[bBdD]$/ {print $3}' |
  grep -v -E '^(_DYNAMIC|_GLOBAL_OFFSET_TABLE_|__TMC_END__|__dso_handle|__do_global_dtors_aux_fini_array_entry|__frame_dummy_init_array_entry|completed\.[0-9]+)$' || true)
if [ -n "$writable" ]; then echo "writable data in the library:"; echo "$writable"; fail=1; fi
soname=$(objdump -p "$so" | awk '/SONAME/ {print $2}')
echo "soname: $soname"
case "$soname" in libcustcadence.so.[0-9]*) ;; *) echo "unexpected soname"; fail=1;; esac
undef=$(nm -D --undefined-only "$so" | awk '{print $2}' | sed 's/@.*//' | sort -u |
  grep -v -E '^(malloc|realloc|free|qsort|sqrt|sin|cos|sincos|asin|ceil|memcpy|memset|memcmp|bcmp|memmove|strlen|strcmp|strncmp|vsnprintf|snprintf|__stack_chk_fail|__cxa_finalize|_ITM_.*|__gmon_start__|__snprintf_chk|__vsnprintf_chk|__memcpy_chk|__memset_chk)$' || true)
if [ -n "$undef" ]; then echo "unexpected imports (the library uses libc memory, string and sort functions and libm only, no I/O):"; echo "$undef"; fail=1; fi
[ $fail -eq 0 ] && echo "symbol checks: ok"
exit $fail
