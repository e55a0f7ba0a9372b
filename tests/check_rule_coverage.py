#!/usr/bin/env python3
"""Doc <-> code <-> vectors check for the cadence rules.

Reads the rule ids of docs/cadence-rules.md (the "Rule ids and their
parameters" table, cross-checked against the section headings, the "Status
of the rules" table and the CCAD_RULE_* enum of include/custcadence.h) and
fails when a rule id lacks any one of:

  code     per-customer rules: a function ccad__rule_<id> in lib/rules/*.c;
           planner rules: the files of PLANNER_CODE below exist and one of
           them emits the rule's reasons (CCAD_RULE_<ID>, or R(<ID>, ...)
           in lib/plan/findings.c, whose R macro pastes CCAD_RULE_##rule);
           EXPLAIN, which cuts across every rule: OTHER_CODE below.
  vectors  at least VECTORS[id][1] cases tagged with the id in the vector
           directory VECTORS[id][0] (tests/vectors: assessment format,
           tests/plan-vectors: plan format; see docs/vectors.md).
  params   a row of the "Rule ids and their parameters" table; every
           parameter named there exists in lib/rules_table.c's parameter table,
           every parameter of lib/rules_table.c appears in the doc table, and in
           the row of the rule lib/rules_table.c files it under (not only as a
           parenthesised "(and ...)" reference).
  sources  the "Where each default comes from" table lists every parameter
           of lib/rules_table.c once, with the same source text as the table's
           last string ("seed NNN, line L: ..." or "project default: ...").

Prints a table rule id x (code, vectors, params); exit status 1 on any
failure. Usage: check_rule_coverage.py [SOURCE_DIR] (default: the parent of
this script's directory). Python 3 standard library only.
"""

import fnmatch
import glob
import os
import re
import sys

# Planner rules: the files that implement each one (docs/design.md, "The
# planner"; docs/cadence-rules.md, "Planner rules"). Every file must exist;
# at least one must emit the rule's reason codes.
PLANNER_CODE = {
    "WORKLOAD": ["lib/plan/workload.c", "lib/plan/findings.c"],
    "CAPACITY": ["lib/plan/simulate.c", "lib/plan/findings.c"],
    "PERSIST": ["lib/plan/simulate.c", "lib/plan/persist.c"],
    "PLATFORM": ["lib/plan/workload.c", "lib/plan/findings.c"],
    "KEEPWARM": ["lib/plan/keepwarm.c"],
    "ROUTE": ["lib/plan/simulate.c", "lib/plan/assign.c", "lib/plan/sequence.c",
              "lib/plan/findings.c", "lib/route_tw.c"],
}

# Rules with neither a ccad__rule_* function nor a planner stage: the file
# and the identifiers that implement them.
OTHER_CODE = {
    # every decision records its reasons through ccad__why, which also sets
    # REASONS_TRUNCATED; ccad_reason_format() turns them into English
    "EXPLAIN": [("lib/rules/decide.h", "ccad__why"),
                ("lib/rules/decide.h", "CCAD_F_REASONS_TRUNCATED"),
                ("lib/reason_text.c", "ccad_reason_format")],
}

# Which vector format checks a rule: (directory, minimum tagged cases).
# Assessment rules are checked by the assessment vectors (tests/vectors,
# runner tests/test_vectors.c); the planner rules need a book, a calendar
# and plan options, so the plan vectors (tests/plan-vectors, runner
# tests/test_plan_vectors.c), at least 4 cases each (issue 13).
ASSESS = ("tests/vectors", 1)
PLAN = ("tests/plan-vectors", 4)
VECTORS = {rid: PLAN for rid in PLANNER_CODE}
DEFAULT_VECTORS = ASSESS

PARAM_TABLE = "## Rule ids and their parameters"
SOURCE_TABLE = "## Where each default comes from"
SOURCE_TAG = re.compile(r"(seed 00[0-4], (line [1-9][0-9]*|table [1-9][0-9]* \(line [1-9][0-9]*\))"
                        r"|project default): .{8,}")
STATUS_TABLE = "## Status of the rules"


def read(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return f.read()


def table_after(text, heading):
    """Rows (lists of cells) of the first markdown table after heading."""
    i = text.find("\n" + heading + "\n")
    if i < 0:
        return None
    rows = []
    started = False
    for line in text[i + len(heading) + 2:].splitlines():
        if line.startswith("|"):
            started = True
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if set("".join(cells)) <= set("-: "):
                continue
            rows.append(cells)
        elif started:
            break
        elif line.startswith("#"):
            break
    return rows[1:] if rows else rows  # drop the header row


def doc_params(cell):
    """(own, referenced): parameter names of a params cell; names inside
    parentheses are references to another rule's parameters."""
    own, ref = [], []
    depth = 0
    for tok in re.finditer(r"\(|\)|`([^`]+)`", cell):
        if tok.group(0) == "(":
            depth += 1
        elif tok.group(0) == ")":
            depth = max(0, depth - 1)
        else:
            (ref if depth else own).append(tok.group(1))
    return own, ref


def expand(pattern, known):
    if any(ch in pattern for ch in "*?["):
        return sorted(p for p in known if fnmatch.fnmatchcase(p, pattern))
    return [pattern]


def tag_counts(root, rel):
    counts = {}
    for path in sorted(glob.glob(os.path.join(root, rel, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("tags ") or line.startswith("tags\t"):
                    for t in line.split()[1:]:
                        counts[t] = counts.get(t, 0) + 1
    return counts


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    errors = []
    doc = read(root, "docs/cadence-rules.md")

    # --- rule ids ----------------------------------------------------------
    rows = table_after(doc, PARAM_TABLE)
    if not rows:
        print("check_rule_coverage: no table under '%s' in docs/cadence-rules.md" % PARAM_TABLE)
        return 1
    ids = []
    cells = {}
    for r in rows:
        if len(r) < 2 or not re.fullmatch(r"[A-Z]+", r[0]):
            errors.append("parameter table: bad row %r" % (r,))
            continue
        if r[0] in cells:
            errors.append("parameter table: %s listed twice" % r[0])
        ids.append(r[0])
        cells[r[0]] = r[1]
    idset = set(ids)

    heading_ids = set()
    for line in doc.splitlines():
        m = re.match(r"#{2,3} ([A-Z]+) — ", line)
        if m:
            heading_ids.add(m.group(1))
        m = re.match(r"#{2,3} .*\(([A-Z, ]+)\)\s*$", line)
        if m:
            heading_ids.update(x.strip() for x in m.group(1).split(","))
    status_ids = {r[0] for r in (table_after(doc, STATUS_TABLE) or [])}
    header = read(root, "include/custcadence.h")
    enum_ids = set(re.findall(r"\bCCAD_RULE_([A-Z]+)\s*=", header))
    for name, other in (("section headings", heading_ids), ("'Status of the rules' table", status_ids),
                        ("CCAD_RULE_* enum (include/custcadence.h)", enum_ids)):
        for rid in sorted(idset - other):
            errors.append("%s: in the parameter table but not in the %s" % (rid, name))
        for rid in sorted(other - idset):
            errors.append("%s: in the %s but not in the parameter table" % (rid, name))

    # --- parameters --------------------------------------------------------
    rules_c = read(root, "lib/rules_table.c")
    code_params = {}
    for m in re.finditer(r'\{\s*"([a-z0-9_]+\.[a-z0-9_]+)"\s*,\s*CCAD_RULE_([A-Z]+)\s*,', rules_c):
        code_params[m.group(1)] = m.group(2)
    if not code_params:
        errors.append("lib/rules_table.c: no parameter table found")
    param_ok = {}
    named_anywhere = set()
    for rid in ids:
        ok = True
        own, ref = doc_params(cells[rid])
        names_own, names_ref = [], []
        for p in own:
            names_own += expand(p, code_params)
        for p in ref:
            names_ref += expand(p, code_params)
        for p in own + ref:
            if not expand(p, code_params):
                errors.append("%s: doc parameter pattern `%s` matches nothing in lib/rules_table.c" % (rid, p))
                ok = False
        for p in names_own + names_ref:
            named_anywhere.add(p)
            if p not in code_params:
                errors.append("%s: doc names `%s`, not in lib/rules_table.c's parameter table" % (rid, p))
                ok = False
        filed = sorted(p for p, r in code_params.items() if r == rid)
        for p in filed:
            if p not in names_own:
                errors.append("%s: lib/rules_table.c files `%s` under %s, the doc row does not list it "
                              "(outside parentheses)" % (rid, p, rid))
                ok = False
        if not own and not ref and cells[rid].strip() not in ("—", "-", ""):
            errors.append("%s: params cell %r names no parameter" % (rid, cells[rid]))
            ok = False
        param_ok[rid] = (ok, len(filed), len(names_ref))
    for p, r in sorted(code_params.items()):
        if p not in named_anywhere:
            errors.append("lib/rules_table.c parameter `%s` (rule %s) is not in the doc table" % (p, r))
        if r not in idset:
            errors.append("lib/rules_table.c parameter `%s` is filed under unknown rule %s" % (p, r))

    # --- sources of the defaults -----------------------------------------
    code_sources = {}
    for m in re.finditer(r'\{\s*"([a-z0-9_]+\.[a-z0-9_]+)"\s*,\s*CCAD_RULE_[A-Z]+\s*,(.*?)\},\n(?=\s*(?:\[P_[A-Z0-9_]+\]\s*=\s*)?\{"|\};)',
                         rules_c, re.S):
        strings = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2))
        code_sources[m.group(1)] = strings[-1] if strings else ""
    doc_sources = {}
    for r in table_after(doc, SOURCE_TABLE) or []:
        name = r[0].strip("`")
        if len(r) != 3:
            errors.append("sources table: bad row %r" % (r,))
        elif name in doc_sources:
            errors.append("sources table: `%s` listed twice" % name)
        else:
            doc_sources[name] = r[2]
    if not doc_sources:
        errors.append("docs/cadence-rules.md: no table under '%s'" % SOURCE_TABLE)
    for p in sorted(code_params):
        src = code_sources.get(p, "")
        if not SOURCE_TAG.fullmatch(src):
            errors.append("lib/rules_table.c parameter `%s`: source %r is not 'seed NNN, line L: ...' "
                          "or 'project default: ...'" % (p, src))
        if p not in doc_sources:
            errors.append("sources table: `%s` missing" % p)
        elif doc_sources[p] != src:
            errors.append("sources table: `%s` says %r, lib/rules_table.c says %r" % (p, doc_sources[p], src))
    for p in sorted(set(doc_sources) - set(code_params)):
        errors.append("sources table: `%s` is not a parameter of lib/rules_table.c" % p)

    # --- code --------------------------------------------------------------
    rule_funcs = set()
    for path in sorted(glob.glob(os.path.join(root, "lib/rules/*.c"))):
        with open(path, encoding="utf-8") as f:
            rule_funcs.update(re.findall(r"\bccad__rule_([a-z0-9_]+)\s*\(", f.read()))
    code_ok = {}
    for rid in ids:
        if rid in PLANNER_CODE:
            emits = []
            ok = True
            for rel in PLANNER_CODE[rid]:
                try:
                    text = read(root, rel)
                except OSError:
                    errors.append("%s: mapped planner file %s is missing" % (rid, rel))
                    ok = False
                    continue
                if re.search(r"\bCCAD_RULE_%s\b|\bR\(%s," % (rid, rid), text):
                    emits.append(os.path.basename(rel))
            if not emits:
                errors.append("%s: none of %s emits CCAD_RULE_%s" % (rid, ", ".join(PLANNER_CODE[rid]), rid))
                ok = False
            code_ok[rid] = (ok, "plan:" + "+".join(emits) if emits else "plan:-")
        elif rid in OTHER_CODE:
            ok = True
            for rel, ident in OTHER_CODE[rid]:
                try:
                    text = read(root, rel)
                except OSError:
                    text = ""
                if ident not in text:
                    errors.append("%s: %s does not contain %s" % (rid, rel, ident))
                    ok = False
            code_ok[rid] = (ok, "ccad__why")
        else:
            fn = rid.lower()
            ok = fn in rule_funcs
            if not ok:
                errors.append("%s: no function ccad__rule_%s in lib/rules/*.c" % (rid, fn))
            code_ok[rid] = (ok, "ccad__rule_" + fn if ok else "-")
    for fn in sorted(rule_funcs):
        if fn.upper() not in idset and fn != "reminder":  # rule_reminder: FOLLOWUP's reminder
            errors.append("lib/rules: ccad__rule_%s names no rule id" % fn)

    # --- vectors -----------------------------------------------------------
    counts = {}
    vec_ok = {}
    for rid in ids:
        d, need = VECTORS.get(rid, DEFAULT_VECTORS)
        if d not in counts:
            counts[d] = tag_counts(root, d)
        n = counts[d].get(rid, 0)
        vec_ok[rid] = (n >= need, "%s %d (>= %d)" % (os.path.basename(d), n, need))
        if n < need:
            errors.append("%s: %d case(s) tagged in %s, need %d" % (rid, n, d, need))

    # --- table -------------------------------------------------------------
    w0 = max(len(r) for r in ids)
    print("%-*s  %-4s %-36s %-4s %-24s %s" % (w0, "rule", "code", "", "vec", "", "params"))
    for rid in ids:
        c, v, p = code_ok[rid], vec_ok[rid], param_ok[rid]
        print("%-*s  %-4s %-36s %-4s %-24s %-4s %d own%s" % (
            w0, rid, "ok" if c[0] else "FAIL", c[1], "ok" if v[0] else "FAIL", v[1],
            "ok" if p[0] else "FAIL", p[1], ", %d ref" % p[2] if p[2] else ""))
    if errors:
        print()
        for e in errors:
            print("FAIL: " + e)
        print("check_rule_coverage: %d problem(s)" % len(errors))
        return 1
    print("check_rule_coverage: %d rules, %d parameters: code, vectors, parameter and source "
          "tables agree" % (len(ids), len(code_params)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
