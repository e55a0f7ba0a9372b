#!/usr/bin/env bash
# The project's test command (README.md; .ci/run calls exactly this).
# On a fresh Debian 12 machine it installs what is missing, then:
#   1. Release build + the whole ctest suite (unit tests, vectors, examples, symbols)
#   2. the same suite built with ASan + UBSan, -fno-sanitize-recover=all, by gcc and by clang
#      (the clang build with -DCCAD_SCALAR_BRIEF=ON: the batch kernel's portable path)
#   3. the Python bindings' unittest suite against the Release library (the
#      install tests' wheels compile the library once, CUSTCADENCE_BUILD_CACHE): with the
#      default python3, with Debian's /usr/bin/python3 (numpy, pandas), with each
#      pyenv Python 3.9/3.10/3.12/3.13 present, mypy --strict, and a small Dask run
#      of examples/python/dask_plan.py (2 workers, 10,000 customers); then the
#      Node.js (koffi, node --test) and Rust (cargo --offline) FFI examples
#   4. the docs site (README as front page, docs/*.md as pages, the API reference) with
#      Doxygen's warnings as errors; its links checked (tests/check_site.py) and its
#      front page rendered in headless Chromium (tests/check_frontpage.py)
#   5. install into a scratch prefix and build a consumer with find_package and pkg-config;
#      the four Debian packages (tests/package.sh): contents, lintian, a consumer
#      built and run against them unpacked into a scratch root
#   6. ThreadSanitizer: test_threads built alone with clang -fsanitize=thread (build/tsan)
#   7. valgrind memcheck over every test program and the examples (Release build)
#   8. libFuzzer: every harness for 30 seconds (tests/fuzz/run-fuzz.sh, build/fuzz)
#   9. line and branch coverage of lib/ (gcc --coverage, build/coverage; reports only)
#  10. abidiff of the shared library against the committed 1.0 ABI baseline
# docs/reliability.md gives the figures these steps print.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=$(nproc 2>/dev/null || echo 2)

# Each step prints its start; at the end (or on a failure) the time each
# step took is printed, longest first, so the suite's cost stays visible.
step_names=() step_starts=()
step() {
  step_names+=("$*") step_starts+=("$SECONDS")
  printf '\n==== %s (at %ds)\n' "$*" "$SECONDS"
}
step_times() {
  local i end
  [ ${#step_names[@]} -gt 0 ] || return 0
  printf '\n==== time by step (s), longest first; %d s in all\n' "$SECONDS"
  for i in "${!step_names[@]}"; do
    end=${step_starts[$((i + 1))]:-$SECONDS}
    printf '%5d  %s\n' $((end - step_starts[i])) "${step_names[$i]}"
  done | sort -rn
}
trap step_times EXIT

step "set-up: Debian packages"
need=()
for p in cmake make gcc g++ clang clang-format pkg-config libcmocka-dev libsqlite3-dev libclang-rt-14-dev doxygen binutils python3 python3-icalendar valgrind abigail-tools dpkg-dev lintian groff-base man-db chromium python3-numpy python3-pandas python3-dask python3-distributed mypy; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
else
  echo "all present"
fi

step "C style: tests/format.sh --check (.clang-format, clang-format-14)"
tests/format.sh --check

step "release build and tests"
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j"$jobs"
ctest --test-dir build/release --output-on-failure -j"$jobs"

step "ASan + UBSan build and tests"
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DCCAD_SANITIZE=ON >/dev/null
cmake --build build/asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j"$jobs"

step "clang build with ASan + UBSan and tests (scalar batch kernel: -DCCAD_SCALAR_BRIEF=ON)"
CC=clang CXX=clang++ cmake -S . -B build/clang-asan -DCMAKE_BUILD_TYPE=Debug -DCCAD_SANITIZE=ON \
  -DCCAD_SCALAR_BRIEF=ON >/dev/null
cmake --build build/clang-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/clang-asan --output-on-failure -j"$jobs"

step "Python bindings (unittest, standard library only)"
# Every interpreter's install tests below build wheels from the same C
# sources, and a wheel's library does not depend on the Python version: the
# build backend compiles it for the first wheel and keeps it in this cache
# for the others (emptied first, so each run still compiles it through pip).
export CUSTCADENCE_BUILD_CACHE=$root/build/wheel-cache
rm -rf "$CUSTCADENCE_BUILD_CACHE"
if [ -d bindings/python/tests ]; then
  CUSTCADENCE_LIB="$root/build/release/lib/libcustcadence.so.1" \
    python3 -m unittest discover -s bindings/python/tests -t bindings/python
else
  echo "no Python tests yet"
fi

step "Python bindings with numpy and pandas (Debian's /usr/bin/python3: the whole-array paths)"
CUSTCADENCE_LIB="$root/build/release/lib/libcustcadence.so.1" \
  /usr/bin/python3 -m unittest discover -s bindings/python/tests -t bindings/python

step "Python bindings: mypy --strict (Debian's mypy; py.typed ships in the wheel)"
(cd bindings/python && mypy --strict custcadence)

step "Python bindings on every pyenv Python present (3.9, 3.10, 3.12, 3.13; two at a time)"
# Each version's suite (with its fresh-venv install tests, which build in
# temporary directories) runs in the background into its own log; two run
# at once, and the logs print in version order.
pylogs=$root/build/pyenv-logs
rm -rf "$pylogs" && mkdir -p "$pylogs"
py_pids=() py_vers=()
for v in 3.9 3.10 3.12 3.13; do
  py=$(ls -d "$HOME"/.pyenv/versions/"$v".*/bin/python3 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$py" ]; then echo "python $v: not installed, skipped"; continue; fi
  ( echo "python $v: $py"
    CUSTCADENCE_LIB="$root/build/release/lib/libcustcadence.so.1" \
      "$py" -m unittest discover -s bindings/python/tests -t bindings/python ) >"$pylogs/$v.log" 2>&1 &
  py_pids+=($!) py_vers+=("$v")
  if [ ${#py_pids[@]} -eq 2 ] && [ ${#py_vers[@]} -eq 2 ]; then
    wait "${py_pids[0]}" || touch "$pylogs/${py_vers[0]}.failed"
    py_pids=("${py_pids[1]}") py_vers=("${py_vers[1]}")
  fi
done
for i in "${!py_pids[@]}"; do wait "${py_pids[$i]}" || touch "$pylogs/${py_vers[$i]}.failed"; done
for v in 3.9 3.10 3.12 3.13; do [ -f "$pylogs/$v.log" ] && cat "$pylogs/$v.log"; done
if ls "$pylogs"/*.failed >/dev/null 2>&1; then
  echo "Python suite failed on: $(cd "$pylogs" && ls *.failed | sed 's/\.failed//' | tr '\n' ' ')" >&2
  exit 1
fi

step "Dask: a company of 100 reps x 100 customers on a 2-worker LocalCluster (docs/scale-out.md)"
rm -rf build/dask-small
CUSTCADENCE_LIB="$root/build/release/lib/libcustcadence.so.1" PYTHONPATH="$root/bindings/python" \
  /usr/bin/python3 examples/python/dask_plan.py --reps 100 --workers 2 --out build/dask-small \
  --verify 5


step "FFI beyond Python: Node.js on koffi and Rust with extern \"C\" (docs/ffi.md)"
ffi_env=(CUSTCADENCE_ABI_JSON="$root/build/release/custcadence-abi.json"
         CUSTCADENCE_LIB="$root/build/release/lib/libcustcadence.so.1"
         CUSTCADENCE_FFI_REFERENCE="$root/build/release/tests/ffi-scenario")
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  (cd bindings/node && npm ci --no-audit --no-fund --silent && env "${ffi_env[@]}" node --test test/)
else
  echo "node or npm not found: the Node.js example is skipped"
fi
if command -v cargo >/dev/null 2>&1; then
  (cd examples/rust && env "${ffi_env[@]}" CUSTCADENCE_LIB_DIR="$root/build/release/lib" \
     CARGO_TARGET_DIR="$root/build/rust" RUSTFLAGS="-D warnings" cargo test --offline --quiet)
else
  echo "cargo not found: the Rust example is skipped"
fi

step "docs site (Doxygen, warnings are errors): links, pages, the front page in headless Chromium"
cmake --build build/release --target docs
python3 tests/check_site.py build/release/docs/api/html .
rc=0
python3 tests/check_frontpage.py build/release/docs/api/html build/release/docs/site-check || rc=$?
[ "$rc" -eq 0 ] || [ "$rc" -eq 77 ] || exit "$rc"

step "install and consume"
prefix=$root/build/prefix
rm -rf "$prefix" build/consumer
cmake --install build/release --prefix "$prefix" >/dev/null
cmake -S tests/consumer -B build/consumer -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build build/consumer -j"$jobs" >/dev/null
LD_LIBRARY_PATH="$prefix/lib" build/consumer/consumer
build/consumer/consumer_static
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" \
  cc -std=c99 -o build/consumer/consumer_pc tests/consumer/main.c \
  $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs custcadence)
LD_LIBRARY_PATH="$prefix/lib" build/consumer/consumer_pc

step "Debian packages: cpack, contents, lintian, a consumer against the unpacked packages"
tests/package.sh build/deb

step "ThreadSanitizer: test_threads (clang -fsanitize=thread)"
CC=clang CXX=clang++ cmake -S . -B build/tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_FLAGS=-fsanitize=thread -DCMAKE_CXX_FLAGS=-fsanitize=thread >/dev/null
cmake --build build/tsan -j"$jobs" --target test_threads >/dev/null
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 build/tsan/tests/test_threads
echo "tsan: no data race reported"

step "valgrind memcheck (Release build)"
tests/valgrind.sh build/release

step "fuzzing: each libFuzzer harness for 30 seconds"
tests/fuzz/run-fuzz.sh 30

step "coverage of lib/ (gcc --coverage; figures only, never a threshold)"
tests/coverage.sh

step "ABI: abidiff against the committed baseline (docs/ABI.md)"
cmake -S . -B build/abi -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCCAD_BUILD_TESTS=OFF \
  -DCCAD_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build/abi --target custcadence -j"$jobs" >/dev/null
tests/abi-check.sh build/abi

step "all checks passed"
