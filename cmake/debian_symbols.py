#!/usr/bin/env python3
"""Writes the Debian symbols file of libcustcadence1 (deb-symbols(5)).

usage: debian_symbols.py LIBRARY.so PACKAGE OUT

Every ccad_ function the library exports, with the version node it arrived
in (lib/custcadence.map), and the version nodes themselves. The minimal
version of a symbol is its node's release: CCAD_1.0 -> 1.0.0, CCAD_1.1 ->
1.1.0. A program built against the package then depends on the oldest
libcustcadence1 that has every function it uses.
"""
import re
import subprocess
import sys


def main(argv):
    if len(argv) != 4:
        raise SystemExit(__doc__)
    library, package, out = argv[1:]
    soname = subprocess.run(["objdump", "-p", library], check=True, capture_output=True,
                            text=True).stdout
    soname = re.search(r"SONAME\s+(\S+)", soname).group(1)
    syms = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                          capture_output=True, text=True).stdout
    entries = set()
    for line in syms.splitlines():
        node = re.search(r"\sA (CCAD_(\d+)\.(\d+))$", line)
        if node:
            entries.add((node.group(1), node.group(1), "%s.%s.0" % (node.group(2), node.group(3))))
            continue
        m = re.search(r"\s(\w+)@@?(CCAD_(\d+)\.(\d+))$", line)
        if not m:
            continue
        entries.add((m.group(1), m.group(2), "%s.%s.0" % (m.group(3), m.group(4))))
    if not entries:
        raise SystemExit("debian_symbols: no versioned ccad_ symbol in " + library)
    with open(out, "w", encoding="utf-8") as f:
        f.write("%s %s #MINVER#\n" % (soname, package))
        for name, node, version in sorted(entries):
            f.write(" %s@%s %s\n" % (name, node, version))


if __name__ == "__main__":
    main(sys.argv)
