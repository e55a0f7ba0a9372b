"""A Python runner of the plan conformance vectors (docs/vectors.md, "Plan
cases"), through the binding. It follows tests/test_plan_vectors.c, the
reference runner, check for check, and reuses the assessment runner
(vectors_runner.py) for files, cases, rules, customers, contacts, expect and
summary. Run it as a script to see the counts:

    python3 bindings/python/tests/plan_vectors_runner.py [tests/plan-vectors]
"""
from __future__ import annotations

import datetime as _dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests import vectors_runner as V  # type: ignore[no-redef]
else:
    from . import vectors_runner as V

import custcadence as cc

ITEM_KINDS = [None, "visit", "call", "persist", "care", "touch"]
DELEGATIONS = ["rep", "colleague", "substitute"]
FINDINGS = [None, "unplanned", "overdue", "cooling", "cold", "stalled", "release_risk",
            "never_contacted", "over_capacity", "dropped", "gap", "platform", "route",
            "release_proposed"]
OVERLOAD = ["report", "stretch"]
METRIC = [None, "planar", "geo", "host"]
CHOICES = ["none", "A", "B", "reserve"]
DAY_FIELDS = ["items", "by_rep", "delegated", "touches", "stops", "service_min",
              "travel_min", "back_min", "late"]
WORKLOAD_FIELDS = ["A_customers", "A_visits", "B_customers", "B_visits", "C_customers",
                   "C_visits", "D_customers", "D_visits", "visits", "capacity", "rounds_x100",
                   "over", "cut_A", "cut_B", "cut_C", "cut_D", "stretch_x100"]
PLATFORM_FIELDS = ["market", "market_A", "market_B", "market_C", "market_D",
                   "working", "working_A", "working_B", "working_C", "working_D",
                   "buying", "buying_A", "buying_B", "buying_C", "buying_D",
                   "key_accounts", "working_cap", "over_cap", "c_heavy", "working_min",
                   "under_min"]
INT_OPTIONS = {"days": "days", "visits_per_day": "visits_per_day",
               "minutes_per_day": "minutes_per_day", "route": "route",
               "assign_days": "assign_days", "day_minutes": "day_minutes",
               "keep_reasons": "keep_reasons", "effort": "effort", "seed": "seed"}
GRADES = (cc.Grade.A, cc.Grade.B, cc.Grade.C, cc.Grade.D)


def lookup(names: Sequence[Any], s: str) -> int:
    """The index of a name, or an integer in range; -1 if neither (C lookup())."""
    if s in names:
        return list(names).index(s)
    v = V.parse_int(s)
    return v if v is not None and 0 <= v < len(names) else -1


def parse_clock(s: str) -> Optional[int]:
    """HH:MM or a number of minutes."""
    if len(s) == 5 and s[2] == ":" and s[:2].isdigit() and s[3:].isdigit():
        h, m = int(s[:2]), int(s[3:])
        if m < 60:
            return h * 60 + m
    return V.parse_int(s)


def parse_mask(s: str) -> Optional[int]:
    return V.parse_field("days", None, s)


def day_of(d: Any) -> int:
    return cc.to_day(d)


def reasons_list_text(rs: Sequence[cc.Reason]) -> str:
    if not rs:
        return "none"
    return " ".join("%s:%s(%d,%d,%d)" % (r.rule_name, r.why_name, r.a, r.b, r.c) for r in rs)


def item_text(it: cc.Item) -> str:
    return "%s %s by %s %s priority %d reminder %s rolled_from %s block_day %d: %s" % (
        it.date, ITEM_KINDS[int(it.kind)] if 0 < int(it.kind) < 6 else "?",
        DELEGATIONS[int(it.delegated)] if 0 <= int(it.delegated) < 3 else "?",
        V.QUADRANT[int(it.quadrant)] if 0 < int(it.quadrant) < 5 else "?", it.priority,
        it.reminder_date or "none", it.rolled_from or "none", it.block_day,
        reasons_list_text(it.reasons))


@dataclass
class PlanCounts:
    plans: int = 0
    known_bug_cases: int = 0
    known_bug_failures: int = 0


class PlanRunner(V.Runner):
    required_tags: Sequence[str] = ()

    def __init__(self) -> None:
        self.workdays = 0x1F
        self.holiday: set = set()
        self.absent: set = set()
        self.special: set = set()
        self.sched: Optional[cc.Schedule] = None
        self.first = cc.NO_DATE
        self.days = 0
        self.known_bug = False
        self.failures_at_begin = 0
        self.pc = PlanCounts()
        self.known_bug_notes: List[str] = []
        super().__init__()

    # -- hooks ------------------------------------------------------------

    def make_context(self) -> cc.Context:
        return cc.Context(calendar=self.calendar)

    def calendar(self, day: _dt.date) -> int:
        d = cc.to_day(day)
        f = 0
        if self.workdays & (1 << (day.isoweekday() - 1)):
            f = cc.DayFlag.WORKING
        if d in self.holiday:
            f = cc.DayFlag.HOLIDAY
        elif d in self.absent and f & cc.DayFlag.WORKING:
            f |= cc.DayFlag.ABSENT
        if d in self.special:
            f |= cc.DayFlag.SPECIAL
        return int(f)

    def on_begin_case(self) -> None:
        if self.sched is not None:
            self.sched.close()
        self.sched = None
        self.workdays = 0x1F
        self.holiday, self.absent, self.special = set(), set(), set()
        self.known_bug = False
        self.failures_at_begin = len(self.res.failures)

    def on_end_case(self) -> None:
        if self.sched is not None:
            self.sched.close()
        self.sched = None
        if not self.known_bug:
            return
        extra = len(self.res.failures) - self.failures_at_begin
        self.pc.known_bug_cases += 1
        where = "%s:%d: case %s: " % (self.file, self.line, self.case_name)
        if extra > 0:
            moved = self.res.failures[self.failures_at_begin:]
            del self.res.failures[self.failures_at_begin:]
            self.known_bug_notes += moved
            self.known_bug_notes.append(where + "known-bug: %d mismatch(es) above, not counted"
                                        % extra)
            self.pc.known_bug_failures += extra
        else:
            self.known_bug_notes.append(where + "known-bug, but every check holds: "
                                        "remove the mark")

    def drop_case(self) -> None:
        if self.sched is not None:
            self.sched.close()
        self.sched = None
        super().drop_case()

    def extra_directive(self, tok: Sequence[str]) -> bool:
        kw = tok[0]
        fn = {"workdays": self.do_workdays, "holiday": self.do_dates,
              "absent": self.do_dates, "special": self.do_dates,
              "known-bug": self.do_known_bug, "plan": self.do_plan, "item": self.do_item,
              "no-item": self.do_no_item, "items": self.do_items,
              "finding": self.do_finding, "no-finding": self.do_finding,
              "day": self.do_day, "reminders": self.do_reminders,
              "workload": self.do_workload, "platform": self.do_platform,
              "choice": self.do_choice}.get(kw)
        if fn is None:
            return False
        fn(list(tok))
        return True

    # -- calendar ---------------------------------------------------------

    def do_workdays(self, tok: List[str]) -> None:
        m = parse_mask(tok[1]) if len(tok) == 2 else None
        if m is None:
            raise V.Syntax("workdays takes a weekday mask")
        self.workdays = m

    def do_dates(self, tok: List[str]) -> None:
        if len(tok) < 2:
            raise V.Syntax("%s needs at least one date" % tok[0])
        target = {"holiday": self.holiday, "absent": self.absent,
                  "special": self.special}[tok[0]]
        for t in tok[1:]:
            d = V.parse_date(t)
            if d is None or d == cc.NO_DATE:
                raise V.Syntax("%s takes dates, not '%s'" % (tok[0], t))
            target.add(d)

    def do_known_bug(self, tok: List[str]) -> None:
        self.known_bug = True

    # -- the plan -----------------------------------------------------------

    def do_plan(self, tok: List[str]) -> None:
        opts: Dict[str, Any] = {}
        first, days = cc.NO_DATE, 7
        day_start = 8 * 60
        for t in tok[1:]:
            if "=" not in t:
                raise V.Syntax("plan takes FIELD=VALUE, not '%s'" % t)
            k, v = t.split("=", 1)
            x: Any = None
            if k == "first_day":
                x = V.parse_date(v)
                first = x if x is not None else first
            elif k in INT_OPTIONS:
                x = V.parse_int(v)
                if x is not None and not V.I32[0] <= x <= V.I32[1]:
                    x = None
                if x is not None:
                    if k == "days":
                        days = x
                    else:
                        opts[INT_OPTIONS[k]] = x
            elif k == "day_start":
                x = parse_clock(v)
                if x is not None:
                    day_start = opts["day_start_min"] = x
            elif k == "day_end":
                x = parse_clock(v)
                if x is not None:
                    opts["day_minutes"] = x - day_start  # day_start must come first
            elif k == "overload":
                x = lookup(OVERLOAD, v)
                opts["overload"] = x
                x = None if x < 0 else x
            elif k == "metric":
                x = lookup(METRIC, v)
                opts["metric"] = x
                x = None if x < 0 else x
            elif k == "base":
                parts = v.split(",")
                xs = [V.parse_real(p) for p in parts] if len(parts) == 2 else [None]
                if None not in xs:
                    opts["base_x"], opts["base_y"] = xs
                    x = xs
            elif k in ("scale", "speed"):
                x = V.parse_real(v)
                if x is not None:
                    opts["scale" if k == "scale" else "units_per_minute"] = x
            else:
                raise V.Syntax("unknown plan option '%s'" % k)
            if x is None:
                raise V.Syntax("bad value of plan option %s: '%s'" % (k, v))
        if not self.ensure_graded():
            return
        if self.sched is not None:
            self.sched.close()
        self.sched = None
        self.pc.plans += 1
        try:
            self.sched = cc.Schedule(self.book, self.rules, cc.from_day(first), days, **opts)
        except cc.CadenceError as e:
            self.fail("ccad_schedule_new: %s: %s" % (V.ERRNAME.get(e.code, e.code), e.message))
            return
        self.first, self.days = first, days

    def need_plan(self) -> bool:
        if self.sched is None:
            self.fail("no schedule (a plan line must come first, and succeed)")
            return False
        self.expectations += 1
        return True

    def cust(self, cid: str) -> Optional[int]:
        """-1 for '-', the index, or None (reported) if unknown."""
        if cid == "-":
            return -1
        return self.find(cid)

    def why_check(self, tok: str, rs: Sequence[cc.Reason]) -> Optional[bool]:
        """why1=, why+=, why-=, why=: True/False; None if not a reason check."""
        if tok.startswith("why1="):
            w = V.parse_why(tok[5:])
            if w is None:
                raise V.Syntax("bad reason '%s'" % tok[5:])
            return bool(rs) and V.why_matches(w, rs[0])
        if tok.startswith(("why+=", "why-=")):
            w = V.parse_why(tok[5:])
            if w is None:
                raise V.Syntax("bad reason '%s'" % tok[5:])
            found = any(V.why_matches(w, r) for r in rs)
            return found if tok[3] == "+" else not found
        if tok.startswith("why="):
            if tok[4:] == "none":
                return not rs
            codes = []
            for p in (p for p in tok[4:].split(",") if p):
                if p not in V.WHY:
                    raise V.Syntax("unknown reason code '%s'" % p)
                codes.append(V.WHY[p])
            return codes == [int(r.why) for r in rs]
        return None

    @staticmethod
    def item_field(it: cc.Item, name: str, v: str) -> Any:
        """(want, got); want None for a bad value; KeyError for an unknown field."""
        if name == "kind":
            return lookup(ITEM_KINDS, v), int(it.kind)
        if name == "delegated":
            return lookup(DELEGATIONS, v), int(it.delegated)
        if name == "quadrant":
            return lookup(V.QUADRANT, v), int(it.quadrant)
        if name == "rolled_from":
            return V.parse_date(v), day_of(it.rolled_from)
        if name == "reminder_date":
            return V.parse_date(v), day_of(it.reminder_date)
        if name == "priority":
            return V.parse_int(v), it.priority
        if name == "block_day":
            return V.parse_int(v), it.block_day
        if name == "late":
            return V.parse_int(v), int(it.late)
        raise KeyError(name)

    def do_item(self, tok: List[str]) -> None:
        if len(tok) < 3:
            raise V.Syntax("item takes ID DATE CHECK...")
        c = self.cust(tok[1])
        d = V.parse_date(tok[2])
        if d is None:
            raise V.Syntax("bad date '%s'" % tok[2])
        if c is None or c < 0 or not self.need_plan():
            return
        assert self.sched is not None
        hits = [x for x in self.sched if x.customer == c and day_of(x.date) == d]
        if len(hits) != 1:
            self.fail("%d items for %s on %s, expected one" % (len(hits), tok[1], tok[2]))
            return
        it = hits[0]
        text = item_text(it)
        for t in tok[3:]:
            self.check()
            r = self.why_check(t, it.reasons)
            if r is False:
                self.fail("item of %s: %s does not hold; item: %s" % (tok[1], t, text))
                continue
            if r is True:
                continue
            if "=" not in t:
                raise V.Syntax("expected a check, found '%s'" % t)
            name, v = t.split("=", 1)
            try:
                want, got = self.item_field(it, name, v)
            except KeyError:
                raise V.Syntax("unknown item field '%s'" % name) from None
            if want is None or want == -1 and name in ("kind", "delegated", "quadrant"):
                raise V.Syntax("bad value '%s' for %s" % (v, name))
            if want != got:
                self.fail("item of %s: %s expected; item: %s" % (tok[1], t, text))

    def do_no_item(self, tok: List[str]) -> None:
        if not 2 <= len(tok) <= 3:
            raise V.Syntax("no-item takes ID [DATE]")
        c = self.cust(tok[1])
        if c is None or c < 0:
            return
        d = None
        if len(tok) == 3:
            d = V.parse_date(tok[2])
            if d is None or d == cc.NO_DATE:
                raise V.Syntax("bad date '%s'" % tok[2])
        if not self.need_plan():
            return
        assert self.sched is not None
        self.check()
        for x in self.sched:
            if x.customer == c and (d is None or day_of(x.date) == d):
                self.fail("unexpected item for %s: %s" % (tok[1], item_text(x)))
                break

    def do_items(self, tok: List[str]) -> None:
        if len(tok) < 3:
            raise V.Syntax("items takes ID|* and checks")
        c = -1
        if tok[1] != "*":
            cc_ = self.cust(tok[1])
            if cc_ is None or cc_ < 0:
                return
            c = cc_
        kind = dele = mask = cnt_eq = cnt_le = cnt_ge = -1
        lo, hi = V.I32
        for t in tok[2:]:
            val: Any = None
            if t.startswith("kind="):
                kind = val = lookup(ITEM_KINDS, t[5:])
            elif t.startswith("delegated="):
                dele = val = lookup(DELEGATIONS, t[10:])
            elif t.startswith("from="):
                val = V.parse_date(t[5:])
                lo = val if val is not None else lo
            elif t.startswith("to="):
                val = V.parse_date(t[3:])
                hi = val if val is not None else hi
            elif t.startswith("on="):
                val = parse_mask(t[3:])
                mask = val if val is not None else mask
            elif t.startswith("count="):
                val = V.parse_int(t[6:])
                cnt_eq = val if val is not None else cnt_eq
            elif t.startswith("count<="):
                val = V.parse_int(t[7:])
                cnt_le = val if val is not None else cnt_le
            elif t.startswith("count>="):
                val = V.parse_int(t[7:])
                cnt_ge = val if val is not None else cnt_ge
            if val is None or (val == -1 and t.startswith(("kind=", "delegated="))):
                raise V.Syntax("bad items check '%s'" % t)
        if not self.need_plan():
            return
        assert self.sched is not None
        got = 0
        for x in self.sched:
            d = day_of(x.date)
            if ((c >= 0 and x.customer != c) or (kind >= 0 and int(x.kind) != kind)
                    or (dele >= 0 and int(x.delegated) != dele) or d < lo or d > hi):
                continue
            got += 1
            if mask >= 0:
                self.check()
                assert x.date is not None
                if not mask & (1 << (x.date.isoweekday() - 1)):
                    self.fail("item of %s off the weekdays %s: %s" % (tok[1], tok[-1],
                                                                      item_text(x)))
        if cnt_eq >= 0:
            self.check()
            if got != cnt_eq:
                self.fail("%d items, expected %d" % (got, cnt_eq))
        if cnt_le >= 0:
            self.check()
            if got > cnt_le:
                self.fail("%d items, expected at most %d" % (got, cnt_le))
        if cnt_ge >= 0:
            self.check()
            if got < cnt_ge:
                self.fail("%d items, expected at least %d" % (got, cnt_ge))

    def do_finding(self, tok: List[str]) -> None:
        negate = tok[0] == "no-finding"
        kind = lookup(FINDINGS, tok[1]) if len(tok) >= 2 else -1
        if kind <= 0:
            raise V.Syntax("%s takes a finding kind" % tok[0])
        c: Optional[int] = -2
        if len(tok) >= 3:
            c = self.cust(tok[2])
            if c is None:
                return
        if negate and len(tok) > 3:
            raise V.Syntax("no-finding takes KIND [ID|-]")
        if not negate and len(tok) < 3:
            raise V.Syntax("finding takes KIND ID|- [checks]")
        d = None
        for t in tok[3:]:
            if t.startswith("date="):
                d = V.parse_date(t[5:])
                if d is None:
                    raise V.Syntax("bad date in '%s'" % t)
            elif not t.startswith("why") or "=" not in t or (
                    not t.startswith("why=") and V.parse_why(t.split("=", 1)[1]) is None):
                raise V.Syntax("bad finding check '%s'" % t)
        if not self.need_plan():
            return
        assert self.sched is not None
        self.check()
        found = False
        seen = []
        for f in self.sched.findings:
            fc = -1 if f.customer is None else f.customer
            if int(f.kind) != kind or (c != -2 and fc != c):
                continue
            seen.append(" [customer %d %s: %s]" % (fc, f.date or "none",
                                                   reasons_list_text(f.reasons)))
            ok = d is None or day_of(f.date) == d
            for t in tok[3:]:
                if not ok:
                    break
                if not t.startswith("date=") and self.why_check(t, f.reasons) is not True:
                    ok = False
            found = found or ok
        if negate and found:
            self.fail("unexpected %s finding:%s" % (tok[1], "".join(seen)))
        if not negate and not found:
            self.fail("no %s finding for %s matches; found:%s"
                      % (tok[1], tok[2], "".join(seen) or " none"))

    def do_day(self, tok: List[str]) -> None:
        if len(tok) < 3:
            raise V.Syntax("day takes DATE|all and checks")
        d = None
        if tok[1] != "all":
            d = V.parse_date(tok[1])
            if d is None or d == cc.NO_DATE:
                raise V.Syntax("bad day '%s'" % tok[1])
        checks = []
        for t in tok[2:]:
            name = t
            for i, ch in enumerate(t):
                if ch in "<>=":
                    name = t[:i]
                    break
            rest = t[len(name):]
            op = "<=" if rest.startswith("<=") else ">=" if rest.startswith(">=") else \
                "=" if rest.startswith("=") else None
            want = parse_clock(rest[len(op):]) if op else None
            if name not in DAY_FIELDS or want is None:
                raise V.Syntax("bad day check '%s'" % t)
            checks.append((t, name, op, want))
        if not self.need_plan():
            return
        assert self.sched is not None
        first = self.first if d is None else d
        last = self.first + self.days - 1 if d is None else d
        for day in range(first, last + 1):
            try:
                y = self.sched.day(day)
            except cc.CadenceError as e:
                self.fail("ccad_schedule_day %s: %s" % (cc.from_day(day),
                                                        V.ERRNAME.get(e.code, e.code)))
                return
            for t, name, op, want in checks:
                got = getattr(y, name)
                if got is None:  # back_min: -1 in C
                    got = -1
                self.check()
                if ((op == "=" and got != want) or (op == "<=" and got > want)
                        or (op == ">=" and got < want)):
                    self.fail("day %s: %s is %d" % (cc.from_day(day), t, got))

    def do_reminders(self, tok: List[str]) -> None:
        d = V.parse_date(tok[1]) if len(tok) >= 3 else None
        if d is None or d == cc.NO_DATE:
            raise V.Syntax("reminders takes DATE ID...|none")
        if not self.need_plan():
            return
        assert self.sched is not None
        self.check()
        try:
            got = self.sched.reminders(d)
        except cc.CadenceError:
            self.fail("ccad_schedule_reminders failed")
            return
        want = [] if tok[2] == "none" else tok[2:]
        if len(got) != len(want):
            self.fail("%d reminders on %s, expected %d" % (len(got), tok[1], len(want)))
        for cid in want:
            c = self.cust(cid)
            if c is None:
                return
            if not any(it.customer == c for it in got):
                self.fail("no reminder on %s for %s" % (tok[1], cid))

    def compare_named(self, what: str, t: str, names: List[str], vals: List[int]) -> None:
        name, _, v = t.partition("=")
        want = V.parse_int(v) if _ else None
        if name not in names or want is None:
            raise V.Syntax("bad %s check '%s'" % (what, t))
        self.check()
        got = vals[names.index(name)]
        if got != want:
            self.fail("%s: %s expected, got %d" % (what, t, got))

    def do_workload(self, tok: List[str]) -> None:
        d = V.parse_date(tok[1]) if len(tok) >= 3 else None
        if d is None or d == cc.NO_DATE:
            raise V.Syntax("workload takes DATE INPUT... : CHECK...")
        if ":" not in tok:
            raise V.Syntax("workload needs ':' before its checks")
        colon = len(tok) - 1 - tok[::-1].index(":")
        inputs: Dict[str, int] = {}
        for t in tok[2:colon]:
            name, _, v = t.partition("=")
            x = V.parse_int(v) if _ else None
            if x is None or name not in ("period_days", "field_days", "visits_per_day"):
                raise V.Syntax("bad workload input '%s'" % t)
            inputs[name] = x
        if not self.ensure_graded():
            return
        self.expectations += 1
        try:
            w = self.book.workload(self.rules, d, **inputs)
        except cc.CadenceError as e:
            self.fail("ccad_book_workload: %s" % V.ERRNAME.get(e.code, e.code))
            return
        vals: List[int] = []
        for g in GRADES:
            vals += [w.rows[g].customers, w.rows[g].visits]
        vals += [w.visits, w.capacity, w.rounds_x100, int(w.over)]
        vals += [w.cut[g] for g in GRADES]
        vals.append(w.stretch_x100)
        for t in tok[colon + 1:]:
            self.compare_named("workload", t, WORKLOAD_FIELDS, vals)

    def do_platform(self, tok: List[str]) -> None:
        if not self.ensure_graded():
            return
        self.expectations += 1
        try:
            p = self.book.platform(self.rules)
        except cc.CadenceError as e:
            self.fail("ccad_book_platform: %s" % V.ERRNAME.get(e.code, e.code))
            return
        vals: List[int] = []
        for pc in (p.market, p.working, p.buying):
            vals += [pc.total] + [pc.by_grade[g] for g in GRADES]
        vals += [p.key_accounts, p.working_cap, int(p.over_cap), int(p.c_heavy), p.working_min,
                 int(p.under_min)]
        for t in tok[1:]:
            self.compare_named("platform", t, PLATFORM_FIELDS, vals)

    def do_choice(self, tok: List[str]) -> None:
        want = lookup(CHOICES, tok[2]) if len(tok) == 3 else -1
        if want < 0:
            raise V.Syntax("choice takes ID none|A|B|reserve")
        if not self.ensure_graded():
            return
        idx = self.find(tok[1])
        if idx is None:
            return
        self.expectations += 1
        self.check()
        ch = self.book.choose_working(self.rules)
        if int(ch[idx]) != want:
            got = int(ch[idx])
            self.fail("choice of %s: %s expected, got %s"
                      % (tok[1], tok[2], CHOICES[got] if 0 <= got < 4 else "?"))

    # -- the run ------------------------------------------------------------

    def run(self, directory: Path) -> V.Result:
        for k in range(1, len(FINDINGS)):
            if cc.name(cc.NameKind.FINDING, k) != FINDINGS[k]:
                self.res.failures.append("finding %d is %s in the library, %s here"
                                         % (k, cc.name(cc.NameKind.FINDING, k), FINDINGS[k]))
        for k in range(1, len(ITEM_KINDS)):
            if cc.name(cc.NameKind.ITEM_KIND, k) != ITEM_KINDS[k]:
                self.res.failures.append("item kind %d differs" % k)
        for k in range(len(DELEGATIONS)):
            if cc.name(cc.NameKind.DELEGATION, k) != DELEGATIONS[k]:
                self.res.failures.append("delegation %d differs" % k)
        res = super().run(directory)
        if self.sched is not None:  # a case abandoned by a syntax error
            self.sched.close()
        return res

    def summary(self) -> str:
        r = self.res
        lines = ["plan vectors: %d files, %d cases, %d plans, %d checks, %d known-bug case(s) "
                 "(%d mismatch(es) not counted)" % (len(r.files), r.cases, self.pc.plans,
                                                    r.checks, self.pc.known_bug_cases,
                                                    self.pc.known_bug_failures)]
        lines += ["  %-16s %3d cases %4d checks" % (f, c.cases, c.checks)
                  for f, c in r.files.items()]
        lines.append("plan vectors: " + ", ".join("%s %d" % kv for kv in r.per_tag.items()))
        lines += self.known_bug_notes
        return "\n".join(lines)


def run(directory: Path) -> PlanRunner:
    """Runs every plan vector file of ``directory``; the runner holds the
    result (``.res``: counts and failures; ``.pc``: plans and known bugs)."""
    r = PlanRunner()
    r.run(directory)
    return r


if __name__ == "__main__":
    d = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parents[3] / "tests" / "plan-vectors"
    runner = run(d)
    print(runner.summary())
    for f in runner.res.failures:
        print(f)
    sys.exit(1 if runner.res.failures else 0)
