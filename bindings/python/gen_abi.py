#!/usr/bin/env python3
"""Writes custcadence/_abi.py, the binding's copy of the C ABI as data, from
custcadence-abi.json (which the build writes from include/custcadence.h and
the compiler: cmake/abi_probe.py).

usage: gen_abi.py ABI_JSON [OUT]      write OUT (default custcadence/_abi.py)
       gen_abi.py --check ABI_JSON    exit 1, with a diff, if _abi.py differs

The one command after a header change (a new enum value, reason code,
struct member or struct):

    cmake --build BUILD --target python_abi

What it writes, all portable (no offsets: ctypes computes them, and the
layout tests compare them with the compiler's):
- the enumerations the binding names (Grade, Status, ...) as IntEnum and
  IntFlag classes, every value of the header, member names without the C
  prefix;
- the values of the enumerations the binding names from the library at run
  time (error codes, rule ids, reason codes, flags) as dicts;
- every struct: its _init twin and its members (name, C type, array dims);
- every callback type: its return and parameter types.
An enumeration of the header that is in neither table below stops the
generator: decide whether the binding names it, then add it.
"""
from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "custcadence" / "_abi.py"

# C enum -> (Python class, C prefix of its values, base, docstring or None).
# Member renames keep names the binding published before it was generated.
CLASSES: List[Tuple[str, str, str, str, Optional[str]]] = [
    ("ccad_grade", "Grade", "CCAD_GRADE_", "IntEnum", None),
    ("ccad_urgency", "Urgency", "CCAD_URGENCY_", "IntEnum", None),
    ("ccad_quadrant", "Quadrant", "CCAD_", "IntEnum", None),
    ("ccad_status", "Status", "CCAD_STATUS_", "IntEnum", None),
    ("ccad_complaint", "Complaint", "CCAD_COMPLAINT_", "IntEnum", None),
    ("ccad_contact_kind", "ContactKind", "CCAD_CONTACT_", "IntEnum", None),
    ("ccad_outcome", "Outcome", "CCAD_OUTCOME_", "IntEnum", None),
    ("ccad_service_level", "ServiceLevel", "CCAD_SERVICE_", "IntEnum", None),
    ("ccad_triage", "Triage", "CCAD_TRIAGE_", "IntEnum", None),
    ("ccad_strategy", "Strategy", "CCAD_STRATEGY_", "IntEnum", None),
    ("ccad_escalation", "Escalation", "CCAD_ESCALATE_", "IntEnum", None),
    ("ccad_weekday_bit", "Weekday", "CCAD_", "IntFlag",
     "Visit-day bits (``visit_days``; 0 = any day)."),
    ("ccad_day_flag", "DayFlag", "CCAD_DAY_", "IntFlag",
     "Calendar flags of a day (the calendar callback returns these)."),
    ("ccad_name_kind", "NameKind", "CCAD_NAME_", "IntEnum",
     "Families of names for :func:`custcadence.name`."),
    ("ccad_figure", "Figure", "CCAD_FIG_", "IntEnum",
     "What a reason figure measures (``ccad_why_figure``)."),
    ("ccad_item_kind", "ItemKind", "CCAD_ITEM_", "IntEnum", None),
    ("ccad_delegation", "Delegation", "CCAD_BY_", "IntEnum", None),
    ("ccad_finding_kind", "FindingKind", "CCAD_FIND_", "IntEnum", None),
    ("ccad_lang", "Lang", "CCAD_LANG_", "IntEnum",
     "Languages of the texts the library writes (``ccad_lang``): reasons\n"
     "(:meth:`Reason.text_in`), names (:func:`custcadence.name`) and the rules\n"
     "messages of a context (:attr:`custcadence.Context.lang`). Also given by\n"
     "tag: ``\"en\"``, ``\"zh-Hans\"``, ``\"zh-Hant\"`` (case-insensitive)."),
    ("ccad_metric", "Metric", "CCAD_METRIC_", "IntEnum", None),
    ("ccad_overload", "Overload", "CCAD_OVERLOAD_", "IntEnum", None),
    ("ccad_choice", "Choice", "CCAD_CHOICE_", "IntEnum", None),
    ("ccad_purpose", "Purpose", "CCAD_PURPOSE_", "IntFlag",
     "The purposes of a contact (``Contact.purposes``; 0 = not told). NONE (no\n"
     "sales purpose) stands alone. Since 1.1."),
    ("ccad_record_part", "RecordPart", "CCAD_RECORD_", "IntFlag",
     "The parts of a visit record seed 001 asks for (``Contact.record_parts``).\n"
     "Since 1.1."),
    ("ccad_activity", "Activity", "CCAD_ACTIVITY_", "IntEnum",
     "An activity held at a contact; SALE is an effective one. Since 1.1."),
    ("ccad_replan_cause", "ReplanCause", "CCAD_REPLAN_", "IntEnum",
     "Why :meth:`Schedule.replan` planned again (``ccad_replan_cause``), or ``KEPT``."),
]
#: Flag classes that also get ALL, as the header defines CCAD_RECORD_ALL and
#: CCAD_PURPOSE_ALL: every bit of the enumeration.
WITH_ALL = {"Purpose", "RecordPart"}
RENAMES: Dict[str, str] = {"CCAD_SERVICE_VALUE": "VALUE_ADDED"}

# C enum -> (dict name, C prefix): values the binding takes from the header
# for what the library names at run time, or checks against (errors.py).
DICTS: List[Tuple[str, str, str]] = [
    ("ccad_error", "ERROR_CODES", "CCAD_"),
    ("ccad_rule_id", "RULE_IDS", "CCAD_RULE_"),
    ("ccad_why", "WHY_CODES", "CCAD_WHY_"),
    ("ccad_flag", "FLAG_BITS", "CCAD_F_"),
    ("ccad_grade_method", "GRADE_METHODS", "CCAD_GRADE_BY_"),
    ("ccad_grade_bit", "GRADE_BITS", "CCAD_GRADE_BIT_"),
]

HEAD = '''"""The C ABI as data: the enumerations and the struct layouts of
include/custcadence.h, for the binding (:mod:`custcadence._ffi` builds its
ctypes mirrors from ``STRUCTS`` and ``CALLBACKS``; :mod:`custcadence.model`
exports the enumerations).

GENERATED by bindings/python/gen_abi.py from custcadence-abi.json; do not
edit. After a change of the header: cmake --build BUILD --target python_abi
"""
from __future__ import annotations

import enum
from typing import Dict, Tuple
'''


def strs(items: Tuple[Any, ...]) -> str:
    """A tuple literal, strings in double quotes like the rest of the file."""
    inner = ", ".join('"%s"' % i if isinstance(i, str) else str(i) for i in items)
    return "(%s,)" % inner if len(items) == 1 else "(%s)" % inner


def member_name(c_name: str, prefix: str) -> str:
    if c_name in RENAMES:
        return RENAMES[c_name]
    if not c_name.startswith(prefix):
        raise SystemExit("gen_abi: %s does not start with %s" % (c_name, prefix))
    return c_name[len(prefix):]


def enum_classes(enums: Dict[str, Any]) -> List[str]:
    out = []
    for c_name, py_name, prefix, base, doc in CLASSES:
        if c_name not in enums:
            raise SystemExit("gen_abi: the header has no enum %s (gen_abi.py CLASSES)" % c_name)
        lines = ["", "", "class %s(enum.%s):" % (py_name, base)]
        if doc:
            body = doc.split("\n")
            lines.append('    """' + body[0] + ("" if len(body) > 1 else '"""'))
            lines += ["    " + b for b in body[1:]]
            if len(body) > 1:
                lines[-1] += '"""'
        for v in enums[c_name]["values"]:
            lines.append("    %s = %d" % (member_name(v["name"], prefix), v["value"]))
        if py_name in WITH_ALL:  # the header's <PREFIX>ALL: every bit of the enum
            total = 0
            for v in enums[c_name]["values"]:
                total |= v["value"]
            lines.append("    ALL = %d" % total)
        out += lines
    return out


def value_dicts(enums: Dict[str, Any]) -> List[str]:
    out = ["", ""]
    for c_name, dict_name, prefix in DICTS:
        if c_name not in enums:
            raise SystemExit("gen_abi: the header has no enum %s (gen_abi.py DICTS)" % c_name)
        out.append("#: ``%s``: name without %s -> value." % (c_name, prefix))
        out.append("%s: Dict[str, int] = {" % dict_name)
        for v in enums[c_name]["values"]:
            out.append('    "%s": %d,' % (member_name(v["name"], prefix), v["value"]))
        out.append("}")
    return out


def struct_table(structs: List[Any]) -> List[str]:
    out = ["", "#: A member: (name, C type as the ABI description writes it, array dims).",
           "Member = Tuple[str, str, Tuple[int, ...]]",
           "#: Every struct, in the header's order: C name -> (its _init twin or \"\", members).",
           "STRUCTS: Dict[str, Tuple[str, Tuple[Member, ...]]] = {"]
    for s in structs:
        out.append('    "%s": ("%s", (' % (s["name"], s.get("init") or ""))
        for f in s["fields"]:
            dims = tuple(f.get("dims", ()))
            out.append('        ("%s", "%s", %s),' % (f["name"], f["type"], strs(dims)))
        out.append("    )),")
    out.append("}")
    return out


def callback_table(doc: Dict[str, Any]) -> List[str]:
    sigs: Dict[str, Tuple[str, Tuple[str, ...]]] = {}
    for cb in doc["callback_types"]:
        info = cb["callback"]
        sigs[cb["name"]] = (info["returns"], tuple(p["type"] for p in info["params"]))
    for s in doc["structs"]:
        for f in s["fields"]:
            if "callback" in f:
                info = f["callback"]
                sigs[f["type"]] = (info["returns"], tuple(p["type"] for p in info["params"]))
    out = ["", "#: Every callback type: C type (or typedef name) -> (returns, parameter types).",
           "CALLBACKS: Dict[str, Tuple[str, Tuple[str, ...]]] = {"]
    for sig, (ret, params) in sigs.items():
        out.append('    "%s": ("%s", %s),' % (sig, ret, strs(params)))
    out.append("}")
    return out


def generate(abi_json: Path) -> str:
    doc = json.loads(abi_json.read_text(encoding="utf-8"))
    enums = {e["name"]: e for e in doc["enums"]}
    known = {c[0] for c in CLASSES} | {d[0] for d in DICTS}
    unknown = sorted(set(enums) - known)
    if unknown:
        raise SystemExit("gen_abi: enums of the header the binding does not place: %s "
                         "(add each to CLASSES or DICTS in gen_abi.py)" % ", ".join(unknown))
    lines = [HEAD.rstrip("\n")]
    lines += enum_classes(enums)
    lines += value_dicts(enums)
    lines += struct_table(doc["structs"])
    lines += callback_table(doc)
    return "\n".join(lines) + "\n"


def main(argv: List[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv[1:] if a != "--check"]
    if not args or len(args) > 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    text = generate(Path(args[0]))
    out = Path(args[1]) if len(args) > 1 else DEFAULT_OUT
    if check:
        have = out.read_text(encoding="utf-8") if out.exists() else ""
        if have == text:
            return 0
        sys.stdout.writelines(difflib.unified_diff(
            have.splitlines(True), text.splitlines(True), str(out), "from " + args[0]))
        print("gen_abi: %s differs from the header's ABI; regenerate it: "
              "cmake --build BUILD --target python_abi" % out, file=sys.stderr)
        return 1
    out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
