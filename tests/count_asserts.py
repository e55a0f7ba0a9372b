#!/usr/bin/env python3
"""Counts the checks written in the C test sources, per file and in total.

A check is one written call of:
  - a cmocka assertion (assert_*, fail, fail_msg, skip is not a check);
  - a test-local function-like macro whose body makes a check, directly,
    through another check macro or through an expect_*() or tu_assert_*() helper (TU_FAIL,
    TU_PASS, EXPECT_WHY, MUST_FAIL, ...), found by reading every #define of
    tests/;
  - a call of a test-local assert_* helper function (assert_tour, ...); its
    definition and declarations are not counted.

Comments and string literals are ignored, and so are the lines of the
macro definitions themselves (a check macro's body is counted once per
use, through its name). Moving a test from one file to another keeps the
total; replacing `assert_int_equal(call, CCAD_OK)` by `TU_PASS(ctx, call)`
keeps it too.

Usage: count_asserts.py [--json] [TESTS_DIR]
"""
import json
import re
import sys
from pathlib import Path

CMOCKA = re.compile(r"\b(assert_[a-z_]+|fail|fail_msg)\s*\(")
# a checking helper called by a macro: expect_*(), tu_assert_*()
EXPECT = re.compile(r"\b(expect_|tu_assert_)[a-z_]+\s*\(")
DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)\(", re.M)


def strip(src):
    """Removes comments and string/char literals, keeping line breaks."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * src.count("\n", i, j))
            i = j
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif c in "\"'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_defines(code):
    """(code without #define lines, {macro name: body})."""
    body_of, kept, lines = {}, [], code.split("\n")
    i = 0
    while i < len(lines):
        m = DEFINE.match(lines[i])
        if not m:
            kept.append(lines[i])
            i += 1
            continue
        body = [lines[i]]
        while lines[i].rstrip().endswith("\\") and i + 1 < len(lines):
            i += 1
            body.append(lines[i])
        body_of[m.group(1)] = "\n".join(body)
        kept.extend([""] * len(body))
        i += 1
    return "\n".join(kept), body_of


def check_macros(bodies):
    """Names of the macros whose body makes a check (directly or through
    another check macro)."""
    names = {k for k, b in bodies.items()
             if CMOCKA.search(b.split("(", 1)[1]) or EXPECT.search(b)}
    grown = True
    while grown:
        grown = False
        for k, b in bodies.items():
            if k not in names and any(re.search(r"\b%s\s*\(" % n, b) for n in names):
                names.add(k)
                grown = True
    return names


def main(argv):
    as_json = "--json" in argv
    args = [a for a in argv if a != "--json"]
    root = Path(args[0]) if args else Path(__file__).resolve().parent
    files = sorted(root.glob("*.c")) + sorted(root.glob("*.h"))
    parsed, bodies = {}, {}
    for f in files:
        code, file_bodies = split_defines(strip(f.read_text(encoding="utf-8")))
        parsed[f.name] = code
        bodies.update(file_bodies)
    macros = check_macros(bodies)
    # T(fn) and similar test-list macros never check; the header's own
    # macros are counted at their uses.
    pattern = CMOCKA
    if macros:
        pattern = re.compile(r"\b(assert_[a-z_]+|fail|fail_msg|%s)\s*\(" %
                             "|".join(sorted(macros)))
    # a helper's own definition or declaration (void assert_tour(...)) is
    # not a use of it
    decl = re.compile(r"^[ \t]*(?:static[ \t]+)?(?:void|int|long)[ \t]+\**assert_\w+[ \t]*\(.*$",
                      re.M)
    parsed = {name: decl.sub("", code) for name, code in parsed.items()}
    counts = {name: len(pattern.findall(code)) for name, code in parsed.items()}
    counts = {k: v for k, v in counts.items() if v}
    total = sum(counts.values())
    if as_json:
        print(json.dumps({"files": counts, "total": total, "macros": sorted(macros)},
                         indent=1, sort_keys=True))
        return 0
    for name in sorted(counts):
        print("%6d  %s" % (counts[name], name))
    print("%6d  total (check macros: %s)" % (total, ", ".join(sorted(macros))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
