#!/usr/bin/env python3
"""The conventions of lib/ that a compiler does not check (docs/design.md,
"Writing code in lib/"), checked over the sources' text:

  macros   no macro hides control flow: no #define whose body holds
           return, goto, break or continue (write the statement where it
           acts, or a function). A macro that defines whole functions (one
           body per type or per language) keeps its statements inside them
           and is allowed.
  growth   arrays grow through ccad__grow (lib/grow.c): no other file of
           lib/ calls ccad__realloc
  quadrant a quadrant is named (CCAD_Q1..CCAD_Q4), never a bare number: no
           comparison of a quadrant variable (quadrant, quad, cls) with a
           digit

Prints one line per violation (file:line: what) and exits 1 if any.
Usage: check_conventions.py [SOURCE_DIR] (default: the parent of tests/).
"""
import os
import re
import sys

CONTROL = re.compile(r"\b(return|goto|break|continue)\b")
QUADRANT_NUMBER = re.compile(r"\b(quadrant|quad|cls)\s*(==|!=|<=|>=|<|>)\s*[0-9]|"
                             r"\b[0-9]\s*(==|!=|<=|>=|<|>)\s*[\w.>-]*\b(quadrant|quad|cls)\b")
# the body of a macro that defines a function: "[static] type name(params) {"
DEFINES_FUNCTION = re.compile(r"\s*(static\s+)?[\w\s\*]+\b\w+\s*\([^;{}]*\)\s*\{")


def lib_sources(root):
    """Yields (path relative to root, text) of every .c and .h of lib/."""
    for dirpath, _, names in sorted(os.walk(os.path.join(root, "lib"))):
        for name in sorted(names):
            if name.endswith((".c", ".h")):
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8") as f:
                    yield os.path.relpath(path, root), f.read()


def macros(text):
    """Yields (line number, name, body) of each #define, continuations joined."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"\s*#\s*define\s+(\w+)", lines[i])
        if not m:
            i += 1
            continue
        start, body = i + 1, lines[i]
        while body.endswith("\\") and i + 1 < len(lines):
            i += 1
            body = body[:-1] + " " + lines[i]
        rest = body[m.end():]
        if rest.startswith("("):  # the macro's parameters
            rest = rest[rest.index(")") + 1:]
        yield start, m.group(1), rest
        i += 1


def check_macros(path, text):
    errors = []
    for line, name, body in macros(text):
        body = re.sub(r"/\*.*?\*/|\"(?:[^\"\\]|\\.)*\"", " ", body)
        if DEFINES_FUNCTION.match(body):
            continue
        m = CONTROL.search(body)
        if m:
            errors.append("%s:%d: macro %s hides a '%s'" % (path, line, name, m.group(1)))
    return errors


def check_quadrants(path, text):
    errors = []
    for n, line in enumerate(text.split("\n"), 1):
        code = re.sub(r"/\*.*?\*/|//.*$|\"(?:[^\"\\]|\\.)*\"", " ", line)
        if QUADRANT_NUMBER.search(code):
            errors.append("%s:%d: a quadrant compared with a bare number (use CCAD_Q1..CCAD_Q4)"
                          % (path, n))
    return errors


def check_growth(path, text):
    if path.replace(os.sep, "/") in ("lib/grow.c", "lib/ctx.c", "lib/internal.h"):
        return []
    return ["%s:%d: ccad__realloc outside lib/grow.c (grow arrays with ccad__grow)" % (path, n)
            for n, line in enumerate(text.split("\n"), 1) if "ccad__realloc(" in line]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    errors = []
    for path, text in lib_sources(root):
        errors += check_macros(path, text)
        errors += check_quadrants(path, text)
        errors += check_growth(path, text)
    for e in errors:
        print(e)
    print("check_conventions: %d violation(s)" % len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
