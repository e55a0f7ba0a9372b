"""A Python runner of the conformance vectors (docs/vectors.md), through the
binding. It follows tests/test_vectors.c, the reference runner, check for
check; run it as a script to see the per-file counts:

    python3 bindings/python/tests/vectors_runner.py [tests/vectors]
"""
from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import custcadence as cc

LINE_CAP = 4096
MAX_TOKENS = 64
I64 = (-2**63, 2**63 - 1)
I32 = (-2**31, 2**31 - 1)
U32 = (0, 2**32 - 1)

GRADE = ["none", "A", "B", "C", "D"]
STATUS = [None, "prospect", "active", "key", "released", "eliminated"]
COMPLAINT = ["none", "open", "resolved"]
KIND = [None, "visit", "call", "message", "email", "other"]
OUTCOME = [None, "progress", "no_progress", "order", "complaint_opened", "complaint_resolved"]
SERVICE = ["none", "basic", "satisfying", "value_added", "moving"]
URGENCY = ["none", "two_weeks", "week", "event"]
QUADRANT = [None, "Q1", "Q2", "Q3", "Q4"]
ESCALATION = ["none", "rep", "manager", "reassign"]
TRIAGE = ["none", "self_driven", "push", "unmovable"]
STRATEGY = ["none", "let_go", "persist", "give_up"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
PURPOSES = ["none", "order", "product", "activity", "problem", "payment", "other"]  # bits
PARTS = ["purpose", "said", "state", "solved", "next_problem"]  # bits
ACTIVITY = ["none", "held", "sale"]

RULE_NAMES = [None, "GRADE", "URGENCY", "QUADRANT", "FREQ", "WORKLOAD", "CAPACITY", "GAP",
              "FOLLOWUP", "STALL", "PATIENCE", "TRIAGE", "PERSIST", "COMPLAINT", "PLATFORM",
              "KEEPWARM", "ROUTE", "SERVICE", "EXPLAIN", "CLOCK", "ESCALATE", "OWNERSHIP",
              "NEVER"]
TAG_NAMES = RULE_NAMES + ["INPUT", "FORMAT"]
IMPLEMENTED = ["GRADE", "URGENCY", "QUADRANT", "FREQ", "GAP", "FOLLOWUP", "STALL", "PATIENCE",
               "TRIAGE", "COMPLAINT", "SERVICE", "EXPLAIN", "CLOCK", "ESCALATE", "OWNERSHIP",
               "NEVER"]
FLAG_NAMES = ["DUE", "OVERDUE", "COOLING", "COLD", "STALLED", "NEVER_CONTACTED", "NO_RECORD",
              "NO_NEXT_STEP", "RELEASE_PREMATURE", "RELEASED_EARLY", "COMPLAINT_OPEN",
              "CARE_DUE", "REMINDER", "INACTIVE", "REASONS_TRUNCATED", "RECORD_LATE",
              "RECORD_INCOMPLETE"]
ERRORS = {"OK": 0, "EINVAL": -1, "ENOMEM": -2, "ERANGE": -3, "EPARSE": -4, "ENOTFOUND": -5,
          "EEXIST": -6, "EOVERFLOW": -7, "ENOSPC": -8, "ESTALE": -9, "ECALLBACK": -10,
          "EVERSION": -11, "ENOTSUP": -12, "ECONFLICT": -13, "EBUSY": -14}
ERRNAME = {v: k for k, v in ERRORS.items()}
#: Reason codes by name, as the library names them (a superset of the C runner's table).
WHY = {w.name: int(w) for w in cc.Why}


# Field descriptions: name -> (type, enum names or None).
CUSTOMER_FIELDS: Dict[str, Tuple[str, Optional[List[Any]]]] = {
    "value": ("i64", None), "grade": ("int", GRADE), "status": ("int", STATUS),
    "purchase_date": ("date", None), "monthly_volume": ("i64", None),
    "margin_bp": ("i32", None), "capable": ("int", None), "has_location": ("int", None),
    "x": ("dbl", None), "y": ("dbl", None), "complaint": ("int", COMPLAINT),
    "complaint_date": ("date", None), "request_date": ("date", None),
    "visit_days": ("days", None), "visit_open_min": ("i32", None),
    "visit_close_min": ("i32", None), "owned_since": ("date", None),
    "last_contact": ("date", None), "last_visit": ("date", None),
    "last_gap_days": ("i32", None), "contacts": ("u32", None), "no_progress": ("u32", None),
    "missing_records": ("u32", None), "last_recorded": ("int", None),
    "next_step_date": ("date", None), "service_counts": ("svc", None),
    "share_pct": ("i64", None), "supplier_rank": ("u32", None),

    "prospect_run": ("i32", None), "prospect_gap": ("i32", None), "prospect_tail": ("i32", None),
    "last_purposes": ("bits", PURPOSES), "aimless": ("u32", None), "closes_asked": ("u32", None),
    "last_parts": ("bits", PARTS), "last_entered": ("date", None),
    "owner_sale_1": ("date", None), "owner_sale_2": ("date", None),
    "owner_sale_3": ("date", None)}
CONTACT_FIELDS: Dict[str, Tuple[str, Optional[List[Any]]]] = {
    "date": ("date", None), "kind": ("int", KIND), "outcome": ("int", OUTCOME),
    "recorded": ("int", None), "next_date": ("date", None),
    "service_level": ("int", SERVICE), "purposes": ("bits", PURPOSES),
    "close_asked": ("int", None), "owner_present": ("int", None), "activity": ("int", ACTIVITY),
    "record_parts": ("bits", PARTS), "entered": ("date", None)}
ASSESS_FIELDS: Dict[str, Tuple[str, Optional[List[Any]]]] = {
    "grade": ("int", GRADE), "grade_manual": ("int", None), "urgency": ("int", URGENCY),
    "quadrant": ("int", QUADRANT), "freq_count": ("i32", None),
    "freq_period_days": ("i32", None), "interval_days": ("i32", None),
    "due_date": ("date", None), "days_overdue": ("i32", None),
    "escalation": ("int", ESCALATION), "days_since_contact": ("i32", None),
    "temperature": ("i32", None), "reminder_date": ("date", None), "contacts": ("u32", None),
    "min_contacts": ("u32", None), "ownership_end": ("date", None),
    "ownership_days_left": ("i32", None), "triage": ("int", TRIAGE),
    "strategy": ("int", STRATEGY), "complaint": ("int", COMPLAINT),
    "care_date": ("date", None), "reason_count": ("u32", None)}
# Optional numbers the binding reports as None (the C -1).
MINUS_ONE_AS_NONE = {"monthly_volume", "margin_bp", "last_gap_days", "days_since_contact",
                     "temperature", "share_pct", "prospect_run", "prospect_gap"}
# ... and the one whose unknown is the C 0.
ZERO_AS_NONE = {"supplier_rank"}
#: The vector format's names of owner_sales[0..2].
OWNER_SALES = {"owner_sale_1": 0, "owner_sale_2": 1, "owner_sale_3": 2}

RANGES = {"i64": I64, "int": I32, "i32": I32, "date": I32, "u32": U32, "days": U32, "bits": U32}


def member(obj: Any, name: str) -> Any:
    """A struct member by its vector name (owner_sale_1 is owner_sales[0])."""
    if name in OWNER_SALES:
        return obj.owner_sales[OWNER_SALES[name]]
    return getattr(obj, name)


def customer_kwargs(fields: Dict[str, Any], base: Any = None) -> Dict[str, Any]:
    """Vector fields as Customer keywords: owner_sale_k fold into owner_sales."""
    out = {k: v for k, v in fields.items() if k not in OWNER_SALES}
    if any(k in OWNER_SALES for k in fields):
        sales = list(base.owner_sales if base is not None else (cc.NO_DATE,) * 3)
        for k, i in OWNER_SALES.items():
            if k in fields:
                sales[i] = fields[k]
        out["owner_sales"] = tuple(sales)
    return out


class Syntax(Exception):
    """A malformed vector line: the rest of the file is skipped."""


def raw_of(name: str, value: Any) -> Any:
    """A binding value (date, None, enum, bool) as the C member's integer."""
    if name in MINUS_ONE_AS_NONE and value is None:
        return -1
    if name in ZERO_AS_NONE and value is None:
        return 0
    if name == "service_counts":
        return tuple(value)
    if isinstance(value, float):
        return value
    if value is None or hasattr(value, "toordinal"):
        return cc.to_day(value)
    return int(value)


def parse_int(s: str) -> Optional[int]:
    if not re.fullmatch(r"-?[0-9]+", s):
        return None
    v = int(s)
    return v if I64[0] <= v <= I64[1] else None


def parse_date(s: str) -> Optional[int]:
    if s == "none":
        return cc.NO_DATE
    if len(s) == 10 and s[4] == "-":
        try:
            return cc.to_day(cc.date_parse(s))
        except cc.CadenceError:
            return None
    return parse_int(s)


def parse_real(s: str) -> Optional[float]:
    if "_" in s or s != s.strip() or not s:
        return None
    try:
        if s.lower().lstrip("+-").startswith("0x"):
            return float.fromhex(s)
        return float(s)
    except ValueError:
        return None


def parse_field(kind: str, names: Optional[List[Any]], s: str) -> Optional[int]:
    if kind == "date":
        return parse_date(s)
    if kind == "bits":
        return parse_bits(names or [], s)
    if names is not None:
        if s in names:
            return names.index(s)
        return parse_int(s)
    if kind == "days":
        return 0 if s == "any" else parse_bits(WEEKDAYS, s)
    return parse_int(s)


def parse_bits(names: List[Any], s: str) -> Optional[int]:
    """A bit set: an integer, or bit names joined by '+' ("order+product", "Mon+Wed")."""
    v = parse_int(s)
    if v is not None:
        return v
    m = 0
    for p in (p for p in s.split("+") if p):
        if p not in names:
            return None
        m |= 1 << names.index(p)
    return m


def parse_svc(s: str) -> Optional[Tuple[int, ...]]:
    parts = [p for p in s.split(",") if p]
    out = []
    for p in parts:
        v = parse_int(p)
        if len(out) == 4 or v is None or not 0 <= v <= U32[1]:
            return None
        out.append(v)
    return tuple(out) if len(out) == 4 else None


def parse_value(table: Dict[str, Tuple[str, Optional[List[Any]]]], tok: str) -> Tuple[str, Any]:
    """'name=value' -> (name, raw value). Raises Syntax."""
    eq = tok.find("=")
    if eq <= 0:
        raise Syntax("expected name=value, found '%s'" % tok)
    name, text = tok[:eq], tok[eq + 1:]
    if name not in table:
        raise Syntax("unknown field '%s'" % name)
    kind, names = table[name]
    if kind == "dbl":
        v = parse_real(text)
        if v is None:
            raise Syntax("bad number in '%s'" % tok)
        return name, v
    if kind == "svc":
        sv = parse_svc(text)
        if sv is None:
            raise Syntax("service_counts takes four counts a,b,c,d, not '%s'" % text)
        return name, sv
    iv = parse_field(kind, names, text)
    lo, hi = RANGES[kind]
    if iv is None or not lo <= iv <= hi:
        raise Syntax("bad value in '%s'" % tok)
    return name, iv


def parse_flags(s: str) -> Optional[int]:
    if s == "none":
        return 0
    m = 0
    for p in (p for p in s.split(",") if p):
        if p not in FLAG_NAMES:
            return None
        m |= 1 << FLAG_NAMES.index(p)
    return m


@dataclass
class WhySpec:
    rule: int
    code: int
    figs: List[Optional[int]]  # None: wildcard


def parse_why(s: str) -> Optional[WhySpec]:
    rule = 0
    p = s
    colon = p.find(":")
    if colon >= 0:
        rn = p[:colon]
        if rn not in RULE_NAMES or rn is None:
            return None
        rule = RULE_NAMES.index(rn)
        p = p[colon + 1:]
    figs: List[Optional[int]] = []
    paren = p.find("(")
    if paren >= 0:
        inner = p[paren:]
        if len(inner) < 3 or not inner.endswith(")"):
            return None
        for q in (q for q in inner[1:-1].split(",") if q):
            if len(figs) == 3:
                return None
            if q == "_":
                figs.append(None)
            else:
                d = parse_date(q)
                if d is None:
                    return None
                figs.append(d)
        if not figs:
            return None
        p = p[:paren]
    if p not in WHY:
        return None
    return WhySpec(rule, WHY[p], figs)


def why_matches(w: WhySpec, r: cc.Reason) -> bool:
    if int(r.why) != w.code or (w.rule and int(r.rule) != w.rule):
        return False
    got = (r.a, r.b, r.c)
    return all(f is None or got[k] == f for k, f in enumerate(w.figs))


def reasons_text(a: cc.Assessment) -> str:
    if not a.reasons:
        return "none"
    return " ".join("%s:%s(%d,%d,%d)" % (r.rule_name, r.why_name, r.a, r.b, r.c)
                    for r in a.reasons)


@dataclass
class FileCount:
    cases: int = 0
    checks: int = 0


@dataclass
class Result:
    files: Dict[str, FileCount] = field(default_factory=dict)
    per_tag: Dict[str, int] = field(default_factory=dict)
    failures: List[str] = field(default_factory=list)
    cases: int = 0
    checks: int = 0

    def summary(self) -> str:
        lines = ["vectors: %d files, %d cases, %d checks" % (len(self.files), self.cases,
                                                             self.checks)]
        lines += ["  %-16s %3d cases %4d checks" % (f, c.cases, c.checks)
                  for f, c in self.files.items()]
        lines.append("vectors: " + ", ".join("%s %d" % (t, n) for t, n in self.per_tag.items()))
        return "\n".join(lines)


class Runner:
    def __init__(self) -> None:
        self.ctx = self.make_context()
        self.defaults = cc.Rules(self.ctx)
        self.res = Result()
        self.names: set = set()
        self.file = ""
        self.line = 0
        self.in_case = False
        self.case_name = ""
        self.fc = FileCount()

    # -- hooks (plan_vectors_runner.py overrides them, like the C runner's
    #    VEC_EXTRA_DIRECTIVE, VEC_BEGIN_CASE and VEC_END_CASE) ---------------

    #: Tags every run must cover (the rules the assessment implements).
    required_tags: Sequence[str] = IMPLEMENTED

    def make_context(self) -> cc.Context:
        return cc.Context()

    def extra_directive(self, tok: Sequence[str]) -> bool:
        """A directive this runner does not know: True if handled."""
        return False

    def on_begin_case(self) -> None:
        pass

    def on_end_case(self) -> None:
        pass

    # -- reporting ------------------------------------------------------

    def fail(self, msg: str) -> None:
        if self.in_case:
            self.res.failures.append("%s:%d: case %s: %s" % (self.file, self.line,
                                                            self.case_name, msg))
        else:
            self.res.failures.append("%s:%d: %s" % (self.file, self.line, msg))

    def check(self) -> None:
        self.res.checks += 1
        self.fc.checks += 1

    # -- case state -----------------------------------------------------

    def begin_case(self, name: str) -> None:
        self.case_name = name
        self.in_case = True
        if name in self.names:
            self.fail("case name used twice")
        self.names.add(name)
        self.tags: set = set()
        self.rtext: List[bytes] = []
        self.rules_done = False
        self.rules = cc.Rules(self.ctx)
        self.book = cc.Book(self.ctx)
        self.dirty = False
        self.today: Optional[int] = None
        self.expectations = 0
        self.on_begin_case()

    def drop_case(self) -> None:
        self.book.close()
        self.rules.close()
        self.in_case = False

    def end_case(self) -> None:
        if not self.tags:
            self.fail("case has no tags line")
        if self.expectations == 0:
            self.fail("case checks nothing")
        self.on_end_case()
        for t in TAG_NAMES[1:]:
            if t in self.tags:
                self.res.per_tag[t] = self.res.per_tag.get(t, 0) + 1
        self.res.cases += 1
        self.fc.cases += 1
        self.drop_case()

    def ensure_rules(self, expect: Optional[int] = None, at: Optional[Tuple[int, int]] = None
                     ) -> None:
        """expect None: the parse must succeed; else the status it must return."""
        if self.rules_done:
            return
        self.rules_done = True
        text = b"".join(l + b"\n" for l in self.rtext)
        rc, msg, err = 0, "", None
        try:
            self.rules.parse(text)
        except cc.CadenceError as e:
            rc, msg, err = e.code, e.message, e
        if expect is None:
            if rc != 0:
                self.fail("rules text rejected: %s: %s" % (ERRNAME.get(rc, rc), msg))
                return
        else:
            self.check()
            if rc != expect:
                self.fail("rules text: expected %s, got %s (%s)"
                          % (ERRNAME[expect], ERRNAME.get(rc, rc), msg if rc else "accepted"))
            elif at is not None:
                want = "line %d, column %d:" % at
                if want not in msg:
                    self.fail("rules text: expected the error at %d:%d, message is '%s'"
                              % (at[0], at[1], msg))
                if not isinstance(err, cc.ParseError) or (err.line, err.column) != at:
                    self.fail("rules text: ParseError.line/column %r, expected %r"
                              % ((getattr(err, "line", None), getattr(err, "column", None)),
                                 at))
            if rc != 0 and self.rules != self.defaults:
                self.fail("rejected rules text changed the rules")
        if rc == 0:
            copy = cc.Rules(self.ctx)
            try:
                copy.parse(self.rules.to_text())
                same = copy == self.rules
            except cc.CadenceError:
                same = False
            copy.close()
            if not same:
                self.fail("rules do not survive serialize + parse")

    def ensure_graded(self) -> bool:
        if not self.dirty:
            return True
        try:
            self.book.grade(self.rules)
        except cc.CadenceError as e:
            self.fail("grade failed: %s" % ERRNAME.get(e.code, e.code))
            return False
        self.dirty = False
        return True

    def find(self, cid: str) -> Optional[int]:
        try:
            return self.book.index(cid)
        except cc.NotFound:
            self.fail("no customer '%s' in the book" % cid)
            return None

    # -- directives -------------------------------------------------------

    def do_customer(self, tok: Sequence[str], want: int) -> None:
        if len(tok) < 2:
            raise Syntax("customer needs an id")
        fields = dict(parse_value(CUSTOMER_FIELDS, t) for t in tok[2:])
        before = len(self.book)
        rc, msg = 0, ""
        try:
            self.book.add(cc.Customer(id=tok[1], **customer_kwargs(fields)))
        except cc.CadenceError as e:
            rc, msg = e.code, e.message
        if want == 0:
            if rc:
                self.fail("customer %s refused: %s: %s" % (tok[1], ERRNAME.get(rc, rc), msg))
            else:
                self.dirty = True
            return
        self.check()
        if rc != want:
            self.fail("customer %s: expected %s, got %s" % (tok[1], ERRNAME[want],
                                                           ERRNAME.get(rc, rc)))
        if rc == 0:
            self.dirty = True
        elif len(self.book) != before:
            self.fail("customer %s: a refused customer changed the book" % tok[1])

    def do_contact(self, tok: Sequence[str], want: int) -> None:
        if len(tok) < 2:
            raise Syntax("contact needs a customer id")
        idx = self.find(tok[1])
        if idx is None:
            return
        fields = dict(parse_value(CONTACT_FIELDS, t) for t in tok[2:])
        contact = cc.Contact(**{"date": cc.NO_DATE, **fields})
        b0 = self.book.get(idx)
        rc, msg = 0, ""
        try:
            self.book.record(idx, contact)
        except cc.CadenceError as e:
            rc, msg = e.code, e.message
        if want == 0:
            if rc:
                self.fail("contact with %s refused: %s: %s" % (tok[1], ERRNAME.get(rc, rc), msg))
            return
        self.check()
        if rc != want:
            self.fail("contact with %s: expected %s, got %s" % (tok[1], ERRNAME[want],
                                                               ERRNAME.get(rc, rc)))
        if rc != 0:
            b1 = self.book.get(idx)
            for name in CUSTOMER_FIELDS:
                if raw_of(name, member(b0, name)) != raw_of(name, member(b1, name)):
                    self.fail("contact with %s: a refused contact changed %s" % (tok[1], name))
                    break

    def do_update(self, tok: Sequence[str]) -> None:
        if len(tok) < 3:
            raise Syntax("update needs an id and a field")
        idx = self.find(tok[1])
        if idx is None:
            return
        fields = dict(parse_value(CUSTOMER_FIELDS, t) for t in tok[2:])
        try:
            self.book.update(idx, **customer_kwargs(fields, self.book.get(idx)))
        except cc.CadenceError as e:
            self.fail("update of %s refused: %s: %s" % (tok[1], ERRNAME.get(e.code, e.code),
                                                        e.message))
            return
        self.dirty = True

    def compare(self, obj: Any, table: Dict[str, Tuple[str, Optional[List[Any]]]], cid: str,
                tok: str) -> None:
        name, want = parse_value(table, tok)
        self.check()
        if name == "reason_count":
            got: Any = len(obj.reasons)
        else:
            got = raw_of(name, member(obj, name))
        if isinstance(want, float):
            if not (got == want or (math.isnan(got) and math.isnan(want) and False)):
                self.fail("%s: %s expected %g, got %g" % (cid, name, want, got))
            return
        if got != want:
            self.fail("%s: %s expected %s, got %s" % (cid, name, want, got))

    def do_expect(self, tok: Sequence[str]) -> None:
        if len(tok) < 3:
            raise Syntax("expect needs an id and at least one field")
        if self.today is None:
            raise Syntax("expect before any today line")
        if not self.ensure_graded():
            return
        idx = self.find(tok[1])
        if idx is None:
            return
        try:
            a = self.book.assess(idx, self.rules, self.today)
        except cc.CadenceError as e:
            self.fail("assess(%s) failed: %s: %s" % (tok[1], ERRNAME.get(e.code), e.message))
            return
        self.expectations += 1
        flags = int(a.flags)
        for t in tok[2:]:
            if t.startswith(("flags=", "flags+=", "flags-=")):
                mode = t[5]
                m = parse_flags(t[6:] if mode == "=" else t[7:])
                if m is None:
                    raise Syntax("bad flag list in '%s'" % t)
                self.check()
                if ((mode == "=" and flags != m) or (mode == "+" and flags & m != m)
                        or (mode == "-" and flags & m)):
                    self.fail("%s: %s does not hold; flags are %s" % (tok[1], t, a.flags))
            elif t.startswith(("why+=", "why-=")):
                w = parse_why(t[5:])
                if w is None:
                    raise Syntax("bad reason in '%s'" % t)
                self.check()
                found = any(why_matches(w, r) for r in a.reasons)
                if found != (t[3] == "+"):
                    self.fail("%s: %s does not hold; reasons are %s" % (tok[1], t,
                                                                       reasons_text(a)))
            elif t.startswith("why="):
                codes = []
                if t[4:] != "none":
                    for p in (p for p in t[4:].split(",") if p):
                        if p not in WHY:
                            raise Syntax("unknown reason code '%s'" % p)
                        codes.append(WHY[p])
                self.check()
                if codes != [int(r.why) for r in a.reasons]:
                    self.fail("%s: %s does not hold; reasons are %s" % (tok[1], t,
                                                                       reasons_text(a)))
            else:
                self.compare(a, ASSESS_FIELDS, tok[1], t)

    def do_summary(self, tok: Sequence[str]) -> None:
        if len(tok) < 3:
            raise Syntax("summary needs an id and at least one field")
        idx = self.find(tok[1])
        if idx is None:
            return
        c = self.book.get(idx)
        self.expectations += 1
        for t in tok[2:]:
            self.compare(c, CUSTOMER_FIELDS, tok[1], t)

    def do_line(self, raw: bytes) -> None:
        line = raw.lstrip(b" \t")
        if line[:5] == b"rules" and (len(line) == 5 or line[5:6] in (b" ", b"\t")):
            if not self.in_case:
                raise Syntax("rules line outside a case")
            if self.rules_done:
                raise Syntax("rules line after the case's setup began")
            self.rtext.append(line[6:])
            return
        text = line.split(b"#", 1)[0].decode("utf-8", "surrogateescape")
        tok = [t for t in re.split(r"[ \t]+", text) if t]
        if len(tok) > MAX_TOKENS:
            raise Syntax("too many tokens")
        if not tok:
            return
        kw = tok[0]
        if not self.in_case:
            if kw != "case" or len(tok) != 2:
                raise Syntax("expected 'case NAME', found '%s'" % kw)
            self.begin_case(tok[1])
            return
        if kw == "case":
            raise Syntax("case inside a case (missing end)")
        if kw == "tags":
            if len(tok) < 2:
                raise Syntax("tags needs at least one rule id")
            for t in tok[1:]:
                if t not in TAG_NAMES or t is None:
                    raise Syntax("unknown tag '%s'" % t)
                self.tags.add(t)
            return
        if kw == "expect-error":
            arrows = [i for i, t in enumerate(tok) if t == "->"]
            arrow = arrows[-1] if arrows else -1
            if arrow < 2 or arrow + 1 >= len(tok):
                raise Syntax("expect-error needs '-> CODE'")
            if tok[arrow + 1] not in ERRORS:
                raise Syntax("unknown status code '%s'" % tok[arrow + 1])
            code = ERRORS[tok[arrow + 1]]
            at = None
            if arrow + 2 < len(tok):
                m = (re.match(r"\s*([+-]?\d+):\s*([+-]?\d+)", tok[arrow + 3])
                     if arrow + 4 == len(tok) else None)
                if (arrow + 4 != len(tok) or tok[arrow + 2] != "at" or m is None
                        or int(m.group(1)) <= 0 or int(m.group(2)) <= 0):
                    raise Syntax("expected 'at LINE:COLUMN' after the code")
                at = (int(m.group(1)), int(m.group(2)))
            self.expectations += 1
            if tok[1] == "rules":
                if arrow != 2 or self.rules_done:
                    raise Syntax("'expect-error rules -> CODE' must directly follow the "
                                 "rules lines")
                self.ensure_rules(code, at)
                return
            if at is not None:
                raise Syntax("'at LINE:COLUMN' is for rules only")
            self.ensure_rules()
            if tok[1] == "customer":
                self.do_customer(tok[1:arrow], code)
            elif tok[1] == "contact":
                self.do_contact(tok[1:arrow], code)
            else:
                raise Syntax("expect-error takes rules, customer or contact")
            return
        if kw == "end":
            if len(tok) != 1:
                raise Syntax("end takes nothing")
            self.ensure_rules()
            self.end_case()
            return
        self.ensure_rules()
        if kw == "customer":
            self.do_customer(tok, 0)
        elif kw == "contact":
            self.do_contact(tok, 0)
        elif kw == "update":
            self.do_update(tok)
        elif kw == "today":
            d = parse_date(tok[1]) if len(tok) == 2 else None
            if d is None or d == cc.NO_DATE or not cc.DATE_MIN <= d <= cc.DATE_MAX:
                raise Syntax("today takes one date")
            self.today = d
        elif kw == "expect":
            self.do_expect(tok)
        elif kw == "summary":
            self.do_summary(tok)
        elif not self.extra_directive(tok):
            raise Syntax("unknown directive '%s'" % kw)

    def run_file(self, path: Path) -> None:
        self.file = path.name
        self.line = 0
        self.in_case = False
        self.fc = self.res.files.setdefault(path.name, FileCount())
        try:
            data = path.read_bytes()
        except OSError as e:
            self.fail("cannot open %s: %s" % (path, e))
            return
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        ok = True
        for raw in lines:
            self.line += 1
            if len(raw) > LINE_CAP - 2 + (1 if raw.endswith(b"\r") else 0):
                self.fail("line longer than %d bytes" % (LINE_CAP - 2))
                ok = False
                break
            if raw.endswith(b"\r"):
                raw = raw[:-1]
            if b"\0" in raw:
                self.fail("NUL byte in the line")
                ok = False
                break
            try:
                self.do_line(raw)
            except Syntax as e:
                self.fail(str(e))
                ok = False
                break
        if ok and self.in_case:
            self.fail("end of file inside a case")
        if self.in_case:
            self.drop_case()

    def run(self, directory: Path) -> Result:
        for k, n in enumerate(RULE_NAMES[1:], 1):
            if cc.rule_name(k) != n:
                self.res.failures.append("rule %d is %s in the library, %s here"
                                         % (k, cc.rule_name(k), n))
        files = sorted((p for p in directory.iterdir()
                        if p.name.endswith(".txt") and not p.name.startswith(".")),
                       key=lambda p: p.name.encode())
        if not files:
            self.res.failures.append("no vector files in %s" % directory)
        for p in files:
            self.run_file(p)
        self.file, self.line = "(all)", 0
        for t in self.required_tags:
            if not self.res.per_tag.get(t):
                self.fail("no vector is tagged %s" % t)
        self.res.per_tag = {t: self.res.per_tag[t] for t in TAG_NAMES[1:]
                            if self.res.per_tag.get(t)}
        self.defaults.close()
        self.ctx.close()
        return self.res


def run(directory: Path) -> Result:
    """Runs every vector file of ``directory``; returns counts and failures."""
    return Runner().run(directory)


if __name__ == "__main__":
    d = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parents[3] / "tests" / "vectors"
    r = run(d)
    print(r.summary())
    for f in r.failures:
        print(f)
    sys.exit(1 if r.failures else 0)
