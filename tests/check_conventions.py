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
  errors   a message recorded with ccad__fail names its function first
           ("ccad_book_add: ..."): in an API function (ccad_x) the
           format starts with "ccad_x: " or "%s: " (its fn); in a
           file-local helper with "ccad_...: " or "%s: "; only a helper
           shared between files (ccad__x) or between the single-rep and
           the team planner (lib/plan/) may record a message without a
           name, which the API function returning the error completes
           with ccad__fail_in (test_errors.c checks those at run time)
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


FAIL_CALL = re.compile(r'\bccad__fail\(\s*[^,]+,\s*[^,]+,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)?', re.S)
FUNCTION_START = re.compile(r"^(?:static\s+)?(?:const\s+)?[A-Za-z_][\w \t\*]*?\b(\w+)\(", re.M)


def enclosing_function(text, pos):
    """Name of the function defined at column 0 last before pos."""
    name = None
    for m in FUNCTION_START.finditer(text, 0, pos):
        name = m.group(1)
    return name


def check_errors(path, text):
    errors = []
    for m in FAIL_CALL.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if text[:m.start()].rstrip().endswith("int"):  # the declaration itself
            continue
        fn = enclosing_function(text, m.start()) or "?"
        if m.group(1) is None:
            if fn.startswith("ccad__") and fn != "ccad__fail_in":
                continue
            errors.append("%s:%d: %s: ccad__fail with a format that is not a literal" % (path, line, fn))
            continue
        fmt = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
        if fmt.startswith("%s: ") or re.match(r"%\.\d+s", fmt):
            continue
        named = re.match(r"(ccad_\w+): ", fmt)
        if fn.startswith("ccad_") and not fn.startswith("ccad__"):
            if named is None or named.group(1) != fn:
                errors.append("%s:%d: %s: message \"%s\" does not start with \"%s: \""
                              % (path, line, fn, fmt[:40], fn))
        elif named is None and not fn.startswith("ccad__") and not path.startswith("lib/plan/"):
            errors.append("%s:%d: %s: message \"%s\" names no function" % (path, line, fn, fmt[:40]))
    return errors


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    errors = []
    for path, text in lib_sources(root):
        errors += check_macros(path, text)
        errors += check_quadrants(path, text)
        errors += check_growth(path, text)
        errors += check_errors(path, text)
    for e in errors:
        print(e)
    print("check_conventions: %d violation(s)" % len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
