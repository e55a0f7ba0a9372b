#!/usr/bin/env bash
# The project's test command (README.md; .ci/run calls exactly this).
# On a fresh Debian 12 machine it installs what is missing, then:
#   1. Release build + the whole ctest suite (unit tests, vectors, examples, symbols)
#   2. the same suite built with ASan + UBSan, -fno-sanitize-recover=all, by gcc and by clang
#   3. the Python bindings' unittest suite against the Release library
#   4. the Doxygen reference with WARN_AS_ERROR
#   5. install into a scratch prefix and build a consumer with find_package and pkg-config
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=$(nproc 2>/dev/null || echo 2)

step() { printf '\n==== %s\n' "$*"; }

step "set-up: Debian packages"
need=()
for p in cmake make gcc g++ clang pkg-config libcmocka-dev libsqlite3-dev libclang-rt-14-dev doxygen binutils python3 valgrind; do
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

step "release build and tests"
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j"$jobs"
ctest --test-dir build/release --output-on-failure -j"$jobs"

step "ASan + UBSan build and tests"
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DCCAD_SANITIZE=ON >/dev/null
cmake --build build/asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j"$jobs"

step "clang build with ASan + UBSan and tests"
CC=clang CXX=clang++ cmake -S . -B build/clang-asan -DCMAKE_BUILD_TYPE=Debug -DCCAD_SANITIZE=ON >/dev/null
cmake --build build/clang-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/clang-asan --output-on-failure -j"$jobs"

step "Python bindings (unittest, standard library only)"
if [ -d bindings/python/tests ]; then
  CUSTCADENCE_LIB="$root/build/release/lib/libcustcadence.so.0" \
    python3 -m unittest discover -s bindings/python/tests -t bindings/python
else
  echo "no Python tests yet"
fi

step "API reference (Doxygen, warnings are errors)"
cmake --build build/release --target docs

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

step "all checks passed"
