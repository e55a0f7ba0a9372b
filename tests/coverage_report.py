#!/usr/bin/env python3
"""Merges gcov -b -c outputs (*.gcov files) of several object sets of the
same sources and prints line and branch coverage per file.

usage: coverage_report.py LIBDIR GCOVDIR... [--uncovered FILE...]

A line counts as covered if any object set executed it; a branch as taken
if any set took it. Branch coverage is "taken at least once" over the
branches gcc emitted for the file. With --uncovered, the lines holding a
branch never taken are listed for the named files.
"""
import os
import re
import sys

LINE = re.compile(r"^\s*([^:]+):\s*(\d+):")
BRANCH = re.compile(r"^branch\s+(\d+)\s+(taken (\d+)|never executed)")


def parse(path):
    lines = {}     # line -> executed (bool); only executable lines
    branches = {}  # (line, idx) -> taken (bool)
    cur = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            m = LINE.match(raw)
            if m:
                count, num = m.group(1).strip(), int(m.group(2))
                cur = num
                if num == 0:
                    continue
                if count == "-":
                    continue
                executed = not count.startswith("#") and not count.startswith("=")
                lines[num] = lines.get(num, False) or executed
                continue
            m = BRANCH.match(raw)
            if m:
                key = (cur, int(m.group(1)))
                taken = m.group(3) is not None and int(m.group(3)) > 0
                branches[key] = branches.get(key, False) or taken
    return lines, branches


def data_only(dirs, src):
    """True when src's object holds no function (a file of const tables
    only): such an object registers nothing with the coverage runtime, so
    no .gcda is ever written for it, gcov reports the data file missing and
    writes no .gcov file, and there is no line to cover. A file with code
    always gets a .gcda once the tests have loaded the library."""
    missing = os.path.basename(src) + ".gcda:cannot open data file"
    for d in dirs:
        path = os.path.join(d, "gcov.txt")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        if missing in text and f"/{src}'" not in text:
            return True
    return False


def instantiates_only(libdir, src):
    """True when src has no function body of its own: a file that only
    compiles code from headers with other settings (route_exact_avx2.c
    builds route_exact_block.h for AVX2). gcov writes that code's lines
    under the headers' names and none under src's, so there is no .gcov
    file for src; the lines are counted where the header is used with
    the default settings."""
    with open(os.path.join(libdir, src), encoding="utf-8") as f:
        return re.search(r"^\{", f.read(), re.M) is None


def main(argv):
    uncovered = []
    if "--uncovered" in argv:
        i = argv.index("--uncovered")
        uncovered = argv[i + 1:]
        argv = argv[:i]
    libdir, dirs = argv[1], argv[2:]
    sources = sorted(os.path.relpath(os.path.join(r, f), libdir)
                     for r, _, fs in os.walk(libdir) for f in fs if f.endswith(".c"))
    rows = []
    tl = tlc = tb = tbc = 0
    for src in sources:
        lines, branches = {}, {}
        found = False
        for d in dirs:
            for name in os.listdir(d):
                # gcov names the file <src>.gcov (or with -p a mangled path)
                base = os.path.basename(src)
                if name == base + ".gcov" or name.endswith("#" + base + ".gcov"):
                    found = True
                    l, b = parse(os.path.join(d, name))
                    for k, v in l.items():
                        lines[k] = lines.get(k, False) or v
                    for k, v in b.items():
                        branches[k] = branches.get(k, False) or v
        if not found and not data_only(dirs, src) and not instantiates_only(libdir, src):
            print(f"coverage: no gcov output for {src}", file=sys.stderr)
            return 1
        nl, nlc = len(lines), sum(lines.values())
        nb, nbc = len(branches), sum(branches.values())
        rows.append((src, nlc, nl, nbc, nb))
        tl, tlc, tb, tbc = tl + nl, tlc + nlc, tb + nb, tbc + nbc
        if src in uncovered:
            miss = sorted({ln for (ln, _), t in branches.items() if not t})
            print(f"{src}: lines with a branch never taken: {miss}")
            missl = sorted(ln for ln, e in lines.items() if not e)
            print(f"{src}: lines never executed: {missl}")

    def pct(a, b):
        return 100.0 * a / b if b else 100.0

    print(f"{'file':<12} {'lines':>11} {'line%':>7} {'branches':>11} {'branch%':>8}")
    for src, nlc, nl, nbc, nb in rows:
        print(f"{src:<12} {nlc:>5}/{nl:<5} {pct(nlc, nl):>6.1f}% {nbc:>5}/{nb:<5} {pct(nbc, nb):>7.1f}%")
    print(f"{'total':<12} {tlc:>5}/{tl:<5} {pct(tlc, tl):>6.1f}% {tbc:>5}/{tb:<5} {pct(tbc, tb):>7.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
