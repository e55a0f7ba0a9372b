#!/usr/bin/env python3
"""Writes the C program that prints custcadence-abi.json.

Reads the public headers (custcadence.h and the generated
custcadence_version.h) and emits a C source file. Compiled with the same
compiler and flags as the library and run at build time, that program prints
the machine-readable ABI description: the names and declared types come from
the header text, every number (sizes, offsets, widths, enum values,
constants) from the compiler. Nothing here is a list of the API: a struct,
field, enum, constant or function added to the header appears in the JSON at
the next build. docs/ffi.md describes the format.

usage: abi_probe.py HEADER VERSION_HEADER OUT.c
"""
import json
import re
import sys

IDENT = r"[A-Za-z_]\w*"


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def join_continuations(text):
    return text.replace("\\\n", " ")


def norm_type(text):
    """C type text with one canonical spacing: 'const char *', 'ccad_book **'."""
    out, prev = "", ""
    for tok in re.findall(r"\w+|\S", text):
        word = tok[0].isalnum() or tok[0] == "_"
        prev_word = prev[:1].isalnum() or prev[:1] == "_"
        if (word and (prev_word or prev == "*")) or (tok == "*" and prev_word):
            out += " "
        out += tok
        prev = tok
    return out


def split_top(text, sep):
    """Splits on sep outside parentheses and brackets."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


FNPTR = re.compile(r"^(.*?)\(\s*\*\s*(" + IDENT + r")\s*\)\s*\((.*)\)$", re.S)


def parse_decl(decl):
    """One declaration ('int32_t x', 'ccad_reason r[N]', 'int (*f)(void *u)').

    Returns a dict: name, type (as declared, without the name), and for
    function pointers 'callback' ({returns, params}); for arrays 'dims' (the
    dimension expressions as written)."""
    m = FNPTR.match(decl)
    if m:
        params = parse_params(m.group(3))
        ret = norm_type(m.group(1))
        sig = ret + ("" if ret.endswith("*") else " ") + "(*)(" + ", ".join(p["type"] for p in params) + ")"
        return {"name": m.group(2), "type": sig,
                "callback": {"returns": ret, "params": params}}
    m = re.match(r"^(.*?)(" + IDENT + r")\s*((?:\[[^\]]*\]\s*)*)$", decl, re.S)
    if not m or not m.group(1).strip():
        raise SystemExit("abi_probe: cannot read the declaration %r" % decl)
    out = {"name": m.group(2), "type": norm_type(m.group(1))}
    dims = re.findall(r"\[([^\]]*)\]", m.group(3))
    if dims:
        out["dims"] = [d.strip() for d in dims]
    return out


def parse_params(text):
    text = text.strip()
    if text in ("", "void"):
        return []
    return [parse_decl(p) for p in split_top(text, ",")]


def since_of(raw, pos):
    """The @since of the doc comment right before raw[pos], or None."""
    head = raw[:pos].rstrip()
    if not head.endswith("*/"):
        return None
    start = head.rfind("/**")
    if start < 0:
        return None
    found = re.findall(r"(?<!\()@since\s+(\d+\.\d+\.\d+)", head[start:])
    return found[-1] if found else None


def read_header(raw):
    code = join_continuations(strip_comments(raw))
    api = {"constants": [], "enums": [], "structs": [], "opaque": [],
           "callback_types": [], "functions": []}
    for m in re.finditer(r"^\s*#\s*define\s+(CCAD_\w+)(\(?)[ \t]*(.*)$", code, re.M):
        name, fnlike, value = m.group(1), m.group(2), m.group(3).strip()
        if fnlike or name == "CCAD_API" or name.endswith("_INIT") or not value:
            continue
        api["constants"].append({"name": name, "text": value,
                                 "string": value.startswith('"')})
    body = re.sub(r"^\s*#[^\n]*", " ", code, flags=re.M)
    for m in re.finditer(r"\benum\s+(" + IDENT + r")\s*\{(.*?)\}\s*;", body, re.S):
        names = [split_top(e, "=")[0] if "=" in e else e
                 for e in split_top(m.group(2), ",")]
        names = [re.match(IDENT, n.strip()).group(0) for n in names]
        api["enums"].append({"name": m.group(1), "values": names})
    for m in re.finditer(r"\btypedef\s+struct\s+(" + IDENT + r")\s*\{(.*?)\}\s*("
                         + IDENT + r")\s*;", body, re.S):
        fields = [parse_decl(d) for d in split_top(m.group(2), ";")]
        api["structs"].append({"name": m.group(3), "fields": fields})
    for m in re.finditer(r"\btypedef\s+struct\s+(" + IDENT + r")\s+(" + IDENT + r")\s*;", body):
        api["opaque"].append(m.group(2))
    for m in re.finditer(r"\btypedef\s+([^;{}]*?\(\s*\*\s*" + IDENT + r"\s*\)\s*\([^;]*\))\s*;",
                         body, re.S):
        api["callback_types"].append(parse_decl(m.group(1)))
    for m in re.finditer(r"\bCCAD_API\s+([^;{}]*?)\b(ccad_\w+)\s*\(([^;{}]*)\)\s*;", raw_code(raw)):
        fn = {"name": m.group(2), "returns": norm_type(m.group(1)),
              "params": parse_params(m.group(3))}
        since = since_of(raw, m.start())
        if since:
            fn["since"] = since
        api["functions"].append(fn)
    return api


def raw_code(raw):
    """The header with comments blanked out but every offset kept, so that
    a declaration's position also finds its doc comment in the raw text."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    code = re.sub(r"/\*.*?\*/|//[^\n]*", blank, raw, flags=re.S)
    return re.sub(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", blank, code, flags=re.M)


class Emitter:
    """Builds the probe's C source: JSON text as string literals, numbers
    through printf from the compiler's own sizeof/offsetof/values."""

    def __init__(self):
        self.lines = []

    def text(self, s):
        lit = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        self.lines.append('    fputs("%s", out);' % lit)

    def json(self, value):
        self.text(json.dumps(value))

    def num(self, expr, unsigned=False):
        if unsigned:
            self.lines.append('    fprintf(out, "%%llu", (unsigned long long)(%s));' % expr)
        else:
            self.lines.append('    fprintf(out, "%%lld", (long long)(%s));' % expr)


def emit_field(e, sname, f, last):
    member = "((%s *)0)->%s" % (sname, f["name"])
    e.text('{"name": %s, "type": %s, "offset": ' % (json.dumps(f["name"]), json.dumps(f["type"])))
    e.num("offsetof(%s, %s)" % (sname, f["name"]), True)
    e.text(', "width": ')
    e.num("sizeof(%s)" % member, True)
    if "dims" in f:
        e.text(', "dims": [')
        elem = member
        for i, _ in enumerate(f["dims"]):
            e.text(", " if i else "")
            e.num("sizeof(%s) / sizeof((%s)[0])" % (elem, elem), True)
            elem = "(%s)[0]" % elem
        e.text('], "element_width": ')
        e.num("sizeof(%s)" % elem, True)
    if "callback" in f:
        e.text(', "callback": ' + json.dumps(f["callback"]))
    e.text("}" if last else "}, ")


def emit(api, version):
    e = Emitter()
    e.text('{\n  "library": "custcadence",\n  "format": 1,\n  "version": ')
    e.json(version["CCAD_VERSION_STRING"].strip('"'))
    e.text(',\n  "soname": "libcustcadence.so.')
    e.num("CCAD_VERSION_MAJOR")
    e.text('",\n  "data_model": {')
    basics = ["char", "short", "int", "long", "long long", "void *", "size_t", "double",
              "enum ccad_error"]
    for i, t in enumerate(basics):
        e.text((", " if i else "") + json.dumps(t) + ": ")
        e.num("sizeof(%s)" % t, True)
    e.text('},\n  "constants": [')
    for i, c in enumerate(api["constants"]):
        e.text((",\n    " if i else "\n    ") + '{"name": %s, "text": %s, "value": '
               % (json.dumps(c["name"]), json.dumps(c["text"])))
        if c["string"]:
            e.json(json.loads(c["text"]))
        else:
            e.num(c["name"])
        e.text("}")
    e.text('\n  ],\n  "enums": [')
    for i, en in enumerate(api["enums"]):
        e.text((",\n    " if i else "\n    ") + '{"name": %s, "width": ' % json.dumps(en["name"]))
        e.num("sizeof(enum %s)" % en["name"], True)
        e.text(', "values": [')
        for j, v in enumerate(en["values"]):
            e.text((", " if j else "") + '{"name": %s, "value": ' % json.dumps(v))
            e.num(v)
            e.text("}")
        e.text("]}")
    e.text('\n  ],\n  "opaque": ' + json.dumps(api["opaque"]))
    e.text(',\n  "callback_types": ' + json.dumps(
        [{"name": c["name"], "type": c["type"], "callback": c["callback"]}
         for c in api["callback_types"]]))
    e.text(',\n  "structs": [')
    fn_names = {f["name"] for f in api["functions"]}
    for i, s in enumerate(api["structs"]):
        e.text((",\n    " if i else "\n    ") + '{"name": %s, "size": ' % json.dumps(s["name"]))
        e.num("sizeof(%s)" % s["name"], True)
        e.text(', "align": ')
        e.num("_Alignof(%s)" % s["name"], True)
        init = s["name"] + "_init"
        e.text(', "init": %s, "fields": [' % json.dumps(init if init in fn_names else None))
        for j, f in enumerate(s["fields"]):
            e.text("\n      ")
            emit_field(e, s["name"], f, j == len(s["fields"]) - 1)
        e.text("]}")
    e.text('\n  ],\n  "functions": [')
    for i, fn in enumerate(api["functions"]):
        e.text((",\n    " if i else "\n    ") + json.dumps(fn))
    e.text("\n  ]\n}\n")
    return e.lines


def main(argv):
    if len(argv) != 4:
        raise SystemExit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        api = read_header(f.read())
    with open(argv[2], encoding="utf-8") as f:
        version_consts = read_header(f.read())["constants"]
    version = {c["name"]: c["text"] for c in version_consts}
    api["constants"] = version_consts + api["constants"]
    prelude = ["/* Generated by cmake/abi_probe.py from custcadence.h: do not edit. */",
               "#include <stddef.h>", "#include <stdio.h>", '#include "custcadence.h"', "",
               "int main(int argc, char **argv)", "{",
               "    FILE *out;", "    if (argc != 2) {",
               '        fputs("usage: ccad_abi_probe OUT.json\\n", stderr);', "        return 2;",
               "    }", '    out = fopen(argv[1], "w");', "    if (!out) {",
               '        perror(argv[1]);', "        return 1;", "    }"]
    body = emit(api, version)
    with open(argv[3], "w", encoding="utf-8") as f:
        f.write("\n".join(prelude + body + ["    return (ferror(out) | fclose(out)) ? 1 : 0;", "}", ""]))


if __name__ == "__main__":
    main(sys.argv)
