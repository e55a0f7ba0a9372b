#!/usr/bin/env python3
"""The Chinese rules doc keeps up with the English one.

Fails when a rule id or a parameter of docs/cadence-rules.md (its "Rule ids
and their parameters" table) is missing from docs/cadence-rules.zh-Hans.md:
every rule id must head a section there ("## GRADE ..." or "### ROUTE ..."),
and every parameter must appear in backticks. Also fails when the Chinese
doc names a parameter the English table does not (a renamed or dropped
one). Usage: check_rules_zh.py [SOURCE_DIR]. Python 3 standard library only.
"""
import os
import re
import sys

HEADING = "## Rule ids and their parameters"


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "docs", "cadence-rules.md"), encoding="utf-8") as f:
        en = f.read()
    with open(os.path.join(root, "docs", "cadence-rules.zh-Hans.md"), encoding="utf-8") as f:
        zh = f.read()
    i = en.find("\n" + HEADING + "\n")
    if i < 0:
        print("FAIL: no '%s' table in docs/cadence-rules.md" % HEADING)
        return 1
    rows = []
    for line in en[i + len(HEADING) + 2:].split("\n"):
        if line.startswith("## "):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and re.fullmatch(r"[A-Z]+", cells[0]):
            rows.append(cells)
    ids = [r[0] for r in rows]
    params = set()
    for r in rows:
        params.update(re.findall(r"`([a-z0-9_]+\.[a-z0-9_*]+)`", r[1]))
    headed = set(re.findall(r"^#{2,3} ([A-Z]+)\b", zh, re.M))
    zh_params = set(re.findall(r"`([a-z0-9_]+\.[a-z0-9_*]+)`", zh))
    failures = []
    failures += ["rule %s has no section in the Chinese doc" % rid for rid in ids if rid not in headed]
    failures += ["parameter %s is not in the Chinese doc" % p for p in sorted(params - zh_params)]
    failures += ["the Chinese doc names %s, which the English table does not" % p
                 for p in sorted(zh_params - params)]
    if len(ids) < 20 or len(params) < 60:
        failures.append("read only %d rule ids and %d parameters from the English table"
                        % (len(ids), len(params)))
    for f in failures:
        print("FAIL: " + f)
    if not failures:
        print("ok: %d rule ids and %d parameters in docs/cadence-rules.zh-Hans.md" % (len(ids), len(params)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
