#!/usr/bin/env bash
# Builds the Debian packages and checks them (docs/install.md, "Debian
# packages"). One command:
#
#   tests/package.sh [BUILD_DIR]        (default build/deb)
#
# 1. configures a Release build for /usr (-DCCAD_DEBIAN_LAYOUT=ON), builds
#    it and the HTML reference, and runs cpack -G DEB: four .deb files in
#    BUILD_DIR/packages;
# 2. checks each package's file list (dpkg-deb -c) for what it must hold
#    and must not, the symbols file and ldconfig trigger of libcustcadence1,
#    and runs lintian when it is installed;
# 3. unpacks all four into a scratch root (dpkg -x) and, against that root
#    alone, builds and runs the consumer with pkg-config (PKG_CONFIG_SYSROOT_DIR),
#    with find_package (CMake) and statically, and runs the packaged
#    ccad-due on its packaged data.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
build=${1:-build/deb}
mkdir -p "$build"
build=$(cd "$build" && pwd)
jobs=$(nproc 2>/dev/null || echo 2)

fail() { echo "package.sh: $*" >&2; exit 1; }

for tool in dpkg-deb dpkg-shlibdeps cpack; do
  command -v "$tool" >/dev/null || fail "$tool not found (apt-get install dpkg-dev cmake)"
done

echo "== build for /usr and cpack"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DCCAD_DEBIAN_LAYOUT=ON -DCCAD_BUILD_TESTS=OFF \
  -DCCAD_INSTALL_HTMLDIR=share/doc/libcustcadence-doc/html >/dev/null
cmake --build "$build" -j"$jobs" >/dev/null
cmake --build "$build" --target docs >/dev/null
rm -rf "$build/packages"
(cd "$build" && cpack -G DEB -B "$build/packages" >/dev/null)
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
version=$(sed -n 's/^project(custcadence VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
deb() { echo "$build/packages/$1_${version}-1_$2.deb"; }
lib=$(deb libcustcadence1 "$arch")
dev=$(deb libcustcadence-dev "$arch")
doc=$(deb libcustcadence-doc all)
tools=$(deb custcadence-tools "$arch")
for f in "$lib" "$dev" "$doc" "$tools"; do
  [ -f "$f" ] || fail "missing $f (built: $(ls "$build/packages"))"
done

echo "== contents (dpkg-deb -c)"
# has PACKAGE PATTERN...: every extended regex matches a path of the package
has() {
  local listing
  listing=$(dpkg-deb -c "$1" | awk '{print $6}')
  shift
  for want in "$@"; do
    grep -Eq "^\./usr/$want\$" <<<"$listing" || fail "no $want in the package:\n$listing"
  done
}
# hasnt PACKAGE PATTERN: no path of the package matches
hasnt() {
  if dpkg-deb -c "$1" | awk '{print $6}' | grep -Eq "$2"; then
    fail "$(basename "$1") holds $2"
  fi
}
L=lib/$multiarch
has "$lib" "$L/libcustcadence\.so\.1" "$L/libcustcadence\.so\.$version" \
  "share/doc/libcustcadence1/copyright"
hasnt "$lib" '\.(h|a|pc)$|libcustcadence\.so$|/bin/'
has "$dev" "include/custcadence\.h" "include/custcadence_version\.h" "$L/libcustcadence\.a" \
  "$L/libcustcadence\.so" "$L/pkgconfig/custcadence\.pc" "$L/cmake/custcadence/custcadenceConfig\.cmake" \
  "$L/cmake/custcadence/custcadenceTargets\.cmake" "$L/custcadence/custcadence-abi\.json"
hasnt "$dev" 'libcustcadence\.so\.1|/bin/'
has "$doc" "share/doc/libcustcadence-doc/html/index\.html" "share/doc/libcustcadence-doc/copyright"
hasnt "$doc" '\.so|/bin/'
has "$tools" "bin/ccad-due" "bin/ccad-plan" "bin/ccad-ics" "bin/ccad-map" \
  "share/custcadence/territory\.csv" "share/custcadence/sample-rules\.txt"
for p in ccad-due ccad-plan ccad-ics ccad-map ccad-team; do
  has "$tools" "share/man/man1/$p\.1\.gz"
done
hasnt "$tools" '\.so|/include/'
dpkg-deb -I "$lib" symbols | grep -q "^ ccad_book_add@CCAD_1.0 1.0.0$" || fail "symbols file"
dpkg-deb -I "$lib" triggers | grep -q "ldconfig" || fail "ldconfig trigger"
dpkg-deb -f "$lib" Depends | grep -q "libc6" || fail "libcustcadence1 does not depend on libc6"
dpkg-deb -f "$dev" Depends | grep -q "libcustcadence1 (= ${version}-1)" || fail "-dev Depends"
for f in "$lib" "$dev" "$doc" "$tools"; do
  printf '%-28s %6s files  %s\n' "$(dpkg-deb -f "$f" Package)" \
    "$(dpkg-deb -c "$f" | grep -vc '/$')" "$(du -h "$f" | cut -f1)"
done

if command -v lintian >/dev/null; then
  echo "== lintian"
  # Errors and warnings fail the run, except these tags, each with its reason:
  #   maintainer-script-empty: CPack always writes postinst and postrm
  #     calling ldconfig for a library in /usr/lib; the package replaces them
  #     with empty scripts and uses an ldconfig trigger instead (the
  #     alternative, keeping the calls, is tag maintscript-calls-ldconfig)
  #   initial-upload-closes-no-bugs: these packages are built upstream, not
  #     uploaded to Debian, so their changelog closes no ITP bug
  lintian --fail-on error,warning \
    --suppress-tags maintainer-script-empty,initial-upload-closes-no-bugs \
    "$lib" "$dev" "$doc" "$tools"
  echo "lintian: no error or warning"
else
  echo "lintian not installed: skipped (apt-get install lintian)"
fi

echo "== unpacked into a scratch root"
root=$build/root
rm -rf "$root" "$build/consumer"
mkdir -p "$root" "$build/consumer"
for f in "$lib" "$dev" "$doc" "$tools"; do dpkg -x "$f" "$root"; done
export LD_LIBRARY_PATH=$root/usr/$L
pc=$root/usr/$L/pkgconfig
flags=$(PKG_CONFIG_PATH=$pc PKG_CONFIG_SYSROOT_DIR=$root pkg-config --cflags --libs custcadence)
grep -q "^prefix=/usr$" "$pc/custcadence.pc" || fail "the .pc prefix is not /usr"
echo "pkg-config: $flags"
cc -std=c99 -o "$build/consumer/consumer_pc" "$src/tests/consumer/main.c" $flags
"$build/consumer/consumer_pc"
cmake -S "$src/tests/consumer" -B "$build/consumer/cmake" -DCMAKE_PREFIX_PATH="$root/usr" \
  -DCMAKE_FIND_ROOT_PATH="$root" >/dev/null
cmake --build "$build/consumer/cmake" >/dev/null
"$build/consumer/cmake/consumer"
"$build/consumer/cmake/consumer_static"
# the static consumer does not need the shared library
if readelf -d "$build/consumer/cmake/consumer_static" | grep -q 'libcustcadence'; then
  fail "consumer_static links libcustcadence.so"
fi
"$root/usr/bin/ccad-due" --today 2026-03-02 >"$build/consumer/due.txt" ||
  fail "the packaged ccad-due failed"
[ -s "$build/consumer/due.txt" ] || fail "the packaged ccad-due printed nothing"
echo "packaged ccad-due: $(wc -l <"$build/consumer/due.txt") lines from its packaged data"
echo "package.sh: four packages built and checked in $build/packages"
