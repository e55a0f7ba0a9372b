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
  names    names say what they hold: no variable, parameter or struct
           member whose type is a struct (struct x, or a typedef of one) is
           a single capital letter (P, T, L, R), and no struct member of any
           type is one, except an array: a matrix keeps its textbook letter
           (D, the legs between stops).

Usage: check_conventions.py [SOURCE_DIR]   checks lib/ of SOURCE_DIR (default:
                                           the parent of tests/)
       check_conventions.py self-test      plants one violation of each rule
                                           (and look-alikes that are allowed)
                                           and fails unless exactly the
                                           planted ones are reported

Prints one line per violation (file:line: what) and exits 1 if any.
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


# ---- names ----
# Single capital letters still held by files that other branches were
# changing when this check came (renamed when those branches land):
# (file, name).
COMMENT_OR_STRING = re.compile(r"/\*.*?\*/|//[^\n]*|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'", re.S)


def blank_comments(text):
    """text with comments and literals replaced by spaces (newlines kept)."""
    return COMMENT_OR_STRING.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def struct_typedefs(texts):
    """Names that typedef a struct, in the public header and lib/."""
    names = set()
    for text in texts:
        names |= set(re.findall(r"\btypedef\s+struct\s+\w+\s+(\w+)\s*;", text))
        for m in re.finditer(r"\btypedef\s+struct\s*\w*\s*\{", text):
            depth, i = 1, m.end()
            while depth and i < len(text):
                depth += {"{": 1, "}": -1}.get(text[i], 0)
                i += 1
            after = re.match(r"\s*(\w+)\s*;", text[i:])
            if after:
                names.add(after.group(1))
    return names


def struct_bodies(code):
    """Yields (offset, body) of each struct's members, nested blocks blanked."""
    for m in re.finditer(r"\bstruct\s*\w*\s*\{", code):
        depth, i, body = 1, m.end(), []
        while depth and i < len(code):
            ch = code[i]
            depth += {"{": 1, "}": -1}.get(ch, 0)
            body.append(ch if depth == 1 or ch == "\n" else " ")
            i += 1
        yield m.end(), "".join(body[:-1])


def check_names(path, text, typedefs):
    code = blank_comments(text)
    found = {}
    kinds = r"struct\s+\w+" + "".join(r"|" + re.escape(t) for t in sorted(typedefs))
    typed = re.compile(r"\b(?:" + kinds + r")\b(?:\s|\*|\bconst\b)*?\b([A-Z])\b\s*(?=[=;,)\[])")
    for m in typed.finditer(code):
        found.setdefault(m.start(1), (m.group(1), "a struct named by a single capital letter"))
    for start, body in struct_bodies(code):
        for m in re.finditer(r"\b([A-Z])\s*(?=[;,])", body):
            found.setdefault(start + m.start(1),
                             (m.group(1), "a struct member named by a single capital letter"))
    errors = []
    for pos in sorted(found):
        name, what = found[pos]
        errors.append("%s:%d: %s: %s (name it by what it holds)"
                      % (path, code.count("\n", 0, pos) + 1, name, what))
    return errors


PLANTED = {
    # file: (text, the lines that must be reported)
    "lib/planted_names.c": ("""/* struct plan P in a comment is fine */
struct plan *P = NULL;
void f(const struct srch *R, int k);
static ccad_team_load T;
struct keep {
    int32_t T;
    int64_t D[16];
    int64_t today, L;
    const char *s;
};
void g(struct plan *plan, ccad_team_load load, uint32_t N);
""", [2, 3, 4, 6, 8]),
    "lib/planted_macro.c": ("#define BAD(x) if (x) return -1\n#define OK(x) ((x) + 1)\n", [1]),
    "lib/planted_quadrant.c": ("int a = quadrant == 4;\nint b = quadrant == CCAD_Q4;\n", [1]),
    "lib/planted_growth.c": ("p = ccad__realloc(ctx, p, n);\n", [1]),
    "lib/planted_errors.c": ("int ccad_x_new(ccad_ctx *ctx)\n{\n"
                             "    return ccad__fail(ctx, CCAD_EINVAL, \"bad size\");\n}\n", [3]),
}


def check_file(path, text, typedefs):
    return (check_macros(path, text) + check_quadrants(path, text) + check_growth(path, text)
            + check_errors(path, text) + check_names(path, text, typedefs))


def self_test(typedefs):
    """Each planted file reports exactly its planted lines."""
    failed = 0
    for path, (text, lines) in sorted(PLANTED.items()):
        got = sorted(int(e.split(":")[1]) for e in check_file(path, text, typedefs))
        status = "caught" if got == lines else "MISSED"
        failed += got != lines
        print("check_conventions self-test: %s: lines %s reported, %s planted: %s"
              % (path, got, lines, status))
    return 1 if failed else 0


def main():
    root = os.path.join(os.path.dirname(__file__), "..")
    if len(sys.argv) > 1 and sys.argv[1] != "self-test":
        root = sys.argv[1]
    sources = list(lib_sources(root))
    with open(os.path.join(root, "include", "custcadence.h"), encoding="utf-8") as f:
        typedefs = struct_typedefs([f.read()] + [text for _, text in sources])
    if sys.argv[1:] == ["self-test"]:
        return self_test(typedefs)
    errors = []
    for path, text in sources:
        errors += check_file(path, text, typedefs)
    for e in errors:
        print(e)
    print("check_conventions: %d violation(s)" % len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
